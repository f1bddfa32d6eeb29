using System.Security.Claims;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>The dashboard's reads: the queue with its filters, the not-eligible list, the funnel.</summary>
internal sealed class DashboardQueries(ILeadStore store, TimeProvider time)
{
    public const int QueueLimit = 500;

    public async Task<IReadOnlyList<QueueRow>> QueueAsync(QueueFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leads = await store.FindWithOpenTasksAsync(QueueLimit, cancellationToken);
        var me = Identities(user);
        var search = filter.Search?.Trim();
        var searchDigits = search is null ? string.Empty : new string(search.Where(char.IsDigit).ToArray());
        return leads
            .Where(l => Matches(l, search, searchDigits))
            .Where(l => string.IsNullOrEmpty(filter.Status) || l.Status == filter.Status)
            .Where(l => string.IsNullOrEmpty(filter.Condition) || string.Equals(l.Inquiry?.Condition, filter.Condition, StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l.Tasks.Where(t => t.Status == "open").Select(t => (Lead: l, Task: t)))
            .Where(x => string.IsNullOrEmpty(filter.Tier) || string.Equals(x.Task.Tier, filter.Tier, StringComparison.OrdinalIgnoreCase))
            .Where(x => filter.Scope != QueueFilter.Mine || (x.Task.AssignedTo is { } a && me.Contains(a)))
            .Where(x => string.IsNullOrEmpty(filter.Assignee)
                        || (filter.Assignee == "unassigned" ? x.Task.AssignedTo is null : string.Equals(x.Task.AssignedTo, filter.Assignee, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Task.DueAt)
            .Select(x => new QueueRow(x.Lead.Id, x.Task.Id, NameOf(x.Lead), x.Lead.Inquiry?.Condition, x.Task.Tier, x.Lead.Status, x.Task.DueAt,
                x.Task.DueAt < now, x.Task.AssignedTo, x.Lead.Flags, x.Lead.OpenLinks().Count(), Math.Max(1, x.Lead.Submissions.Count)))
            .ToList();
    }

    /// <summary>The values a task's assignee may hold for this person (the account id, email or name, whichever assignment used).</summary>
    public static HashSet<string> Identities(ClaimsPrincipal user)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in new[] { ClaimTypes.NameIdentifier, ClaimTypes.Email, ClaimTypes.Name })
        {
            if (user.FindFirst(type)?.Value is { Length: > 0 } value) set.Add(value);
        }
        return set;
    }

    public Task<IReadOnlyList<LeadDocument>> NotEligibleAsync(CancellationToken cancellationToken) =>
        store.FindByStatusAsync(LeadStatus.NotEligible, 200, cancellationToken);

    public async Task<FunnelReport> FunnelAsync(int days, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, 365);
        var to = time.GetUtcNow();
        var from = to.AddDays(-days);
        var leads = await store.FindCreatedSinceAsync(from, 10_000, cancellationToken);

        // A lead counts in every stage it reached: a won lead was also contacted, quoted and booked.
        string[] order = [LeadStatus.Contacted, LeadStatus.QuoteSent, LeadStatus.ConsultationBooked, LeadStatus.Won];
        int Reached(LeadDocument l, string stage) =>
            l.Status == stage || l.Timeline.Exists(e => e.Kind == "status_changed" && e.Details.GetValueOrDefault("to") == stage)
            || (Array.IndexOf(order, stage) is var i && i >= 0 && Array.IndexOf(order, l.Status) >= i) ? 1 : 0;
        bool Contacted(LeadDocument l) => Reached(l, LeadStatus.Contacted) == 1 || l.Outreach.Exists(o => o.Status == OutreachStatus.Sent && o.Kind == OutreachKinds.Coordinator);

        var stages = new List<(string, string, int)>
        {
            ("submitted", "Submitted", leads.Count),
            ("qualified", "Qualified", leads.Count(l => l.Tasks.Count > 0)),
            ("not_eligible", "Not eligible", leads.Count(l => l.Timeline.Exists(e => e.Kind == "disqualified"))),
            (LeadStatus.Contacted, "Contacted", leads.Count(Contacted)),
            (LeadStatus.QuoteSent, "Quote sent", leads.Sum(l => Reached(l, LeadStatus.QuoteSent))),
            (LeadStatus.ConsultationBooked, "Consultation booked", leads.Sum(l => Reached(l, LeadStatus.ConsultationBooked))),
            (LeadStatus.Won, "Won", leads.Sum(l => Reached(l, LeadStatus.Won))),
            (LeadStatus.Lost, "Lost", leads.Count(l => l.Status == LeadStatus.Lost)),
            (LeadStatus.NotACandidate, "Not a candidate", leads.Count(l => l.Status == LeadStatus.NotACandidate)),
        };

        var speeds = leads
            .Select(l => (Submitted: l.Timeline.Where(e => e.Kind == "submitted").Select(e => (DateTimeOffset?)e.At).Min(),
                First: l.Outreach.Where(o => o.SentAt is not null).Select(o => o.SentAt).Min()))
            .Where(x => x.Submitted is not null && x.First is not null)
            .Select(x => x.First!.Value - x.Submitted!.Value)
            .Order()
            .ToList();
        return new FunnelReport(from, to, days, stages, speeds.Count, Percentile(speeds, 0.5), Percentile(speeds, 0.9));
    }

    /// <summary>Nearest-rank percentile.</summary>
    internal static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string NameOf(LeadDocument lead) => lead.Person is { } p ? $"{p.FirstName} {p.LastName}"
        : lead.MergedInto is not null ? "(merged into another lead)" : "(details not received yet)";

    private static bool Matches(LeadDocument lead, string? search, string searchDigits)
    {
        if (string.IsNullOrEmpty(search)) return true;
        var p = lead.Person;
        if (p is null) return false;
        if ($"{p.FirstName} {p.LastName}".Contains(search, StringComparison.OrdinalIgnoreCase)) return true;
        if (p.Email?.Contains(search, StringComparison.OrdinalIgnoreCase) == true) return true;
        return searchDigits.Length >= 4 && p.Phone is { } phone && phone.Contains(searchDigits, StringComparison.Ordinal);
    }
}
