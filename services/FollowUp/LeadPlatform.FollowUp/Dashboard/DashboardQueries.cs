using System.Security.Claims;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>The dashboard's reads: the queue with its filters, the not-eligible list, the funnel.</summary>
internal sealed class DashboardQueries(ILeadStore store, TimeProvider time, Tasks.ICoordinatorRoster roster)
{
    /// <summary>How many leads with open tasks the queue reads at most (it pages through all of them and says if there are more).</summary>
    public const int QueueLimit = Tasks.TaskAssignment.OpenTaskScanLimit;

    /// <summary>Every lead matching the filter, one row per lead (its most urgent open task), sorted; <see cref="Page"/> cuts a page.</summary>
    public async Task<IReadOnlyList<QueueRow>> QueueAsync(QueueFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leads = await store.FindWithOpenTasksAsync(QueueLimit, cancellationToken);
        var names = await NamesAsync(cancellationToken);
        var me = Identities(user);
        var search = filter.Search?.Trim();
        var searchDigits = search is null ? string.Empty : new string(search.Where(char.IsDigit).ToArray());
        var rows = leads
            .Where(l => Matches(l, search, searchDigits))
            .Where(l => string.IsNullOrEmpty(filter.Status) || l.Status.Name() == filter.Status)
            .Where(l => string.IsNullOrEmpty(filter.Condition) || string.Equals(l.Inquiry?.Condition, filter.Condition, StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open).Select(t => (Lead: l, Task: t)))
            .Where(x => string.IsNullOrEmpty(filter.Tier) || string.Equals(x.Task.Tier, filter.Tier, StringComparison.OrdinalIgnoreCase))
            .Where(x => filter.Scope != QueueFilter.Mine || (x.Task.AssignedTo is { } a && me.Contains(a)))
            .Where(x => filter.Scope != QueueFilter.Unassigned || x.Task.AssignedTo is null)
            .Where(x => string.IsNullOrEmpty(filter.Assignee)
                        || (filter.Assignee == "unassigned" ? x.Task.AssignedTo is null : string.Equals(x.Task.AssignedTo, filter.Assignee, StringComparison.OrdinalIgnoreCase)))
            // One row per lead: its most urgent open task among those that match.
            .GroupBy(x => x.Lead.Id)
            .Select(g => (g.OrderBy(x => x.Task.DueAt).First(), Others: g.Count() - 1))
            .Select(x => Row(x.Item1.Lead, x.Item1.Task, x.Others, now, names, me))
            .ToList();
        return Sorted(rows, filter.Sort);
    }

    /// <summary>The page the filter asks for (the last one when it asks past the end).</summary>
    public static QueueResult Page(IReadOnlyList<QueueRow> rows, QueueFilter filter)
    {
        var size = Math.Clamp(filter.PageSize, 1, QueueFilter.MaxPageSize);
        var pages = Math.Max(1, (rows.Count + size - 1) / size);
        var page = Math.Clamp(filter.Page, 1, pages);
        return new QueueResult([.. rows.Skip((page - 1) * size).Take(size)], rows.Count, page, size);
    }

    /// <summary>The page's rows with each lead's contactability per channel (the gate's own check; only the rows shown, not the whole queue).</summary>
    internal static QueueResult WithContact(QueueResult result, Calls.Contactability contactability, TimeDisplay display) => result with
    {
        Rows = [.. result.Rows.Select(r => r.Lead is { } lead ? r with { Contact = contactability.For(lead, display) } : r)],
    };

    /// <summary>Display names by assignee id (account emails and configured ids), from the roster.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in await roster.GetCoordinatorsAsync(cancellationToken)) names.TryAdd(c.Id, c.Name);
        return names;
    }

    private static QueueRow Row(LeadDocument lead, FollowUpTask task, int others, DateTimeOffset now, Dictionary<string, string> names, HashSet<string> me)
    {
        var latest = lead.Submissions.LastOrDefault();
        var source = latest?.Source is { } s ? s.UtmCampaign ?? s.UtmSource ?? s.FormId : null;
        return new QueueRow(lead.Id, task.Id, NameOf(lead), lead.Inquiry?.Condition, task.Tier, lead.Status.Name(), task.DueAt, task.DueAt < now, task.AssignedTo,
            lead.Flags, lead.OpenLinks().Count(), Math.Max(1, lead.Submissions.Count))
        {
            AssignedName = task.AssignedTo is { } id ? names.GetValueOrDefault(id, id) : null,
            AssignedToMe = task.AssignedTo is { } mine && me.Contains(mine),
            ReceivedAt = lead.Submissions.Count > 0 ? lead.Submissions.Min(x => x.ReceivedAt) : lead.CreatedAt,
            Source = source,
            PreferredChannel = lead.Person?.PreferredChannel,
            Language = lead.Person?.Language,
            LastActivityAt = lead.Timeline.Count > 0 ? lead.Timeline.Max(e => e.At) : lead.UpdatedAt,
            OtherOpenTasks = others,
            ReofferedAt = task.ReofferedAt,
            ReofferedFromName = task.ReofferedFrom is { } from ? names.GetValueOrDefault(from, from) : null,
            LeadZones = LeadPlatform.Compliance.LeadTimeZones.For(lead.Person?.Country, lead.Person?.PostalCode, lead.Person?.Phone),
            Lead = lead,
        };
    }

    private static List<QueueRow> Sorted(List<QueueRow> rows, string sort)
    {
        var descending = sort.StartsWith('-');
        IOrderedEnumerable<QueueRow> ordered = sort.TrimStart('-') switch
        {
            "received" => rows.OrderBy(r => r.ReceivedAt),
            "tier" => rows.OrderBy(r => r.Tier, StringComparer.Ordinal),
            "name" => rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            "assignee" => rows.OrderBy(r => r.AssignedName is null).ThenBy(r => r.AssignedName, StringComparer.CurrentCultureIgnoreCase),
            "activity" => rows.OrderBy(r => r.LastActivityAt),
            _ => rows.OrderBy(r => r.DueAt),
        };
        var list = ordered.ThenBy(r => r.DueAt).ThenBy(r => r.LeadId).ToList();
        if (descending) list.Reverse();
        return list;
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
        LeadStatus[] order = [LeadStatus.Contacted, LeadStatus.QuoteSent, LeadStatus.ConsultationBooked, LeadStatus.Won];
        int Reached(LeadDocument l, LeadStatus stage) =>
            l.Status == stage || l.Timeline.Exists(e => e.Kind == TimelineKind.StatusChanged && e.Details.GetValueOrDefault("to") == stage.Name())
            || (Array.IndexOf(order, stage) is var i && i >= 0 && Array.IndexOf(order, l.Status) >= i) ? 1 : 0;
        bool Contacted(LeadDocument l) => Reached(l, LeadStatus.Contacted) == 1 || l.Outreach.Exists(o => o.Status == OutreachStatus.Sent && o.Kind == OutreachKinds.Coordinator);

        var stages = new List<(string, string, int)>
        {
            ("submitted", "Submitted", leads.Count),
            ("qualified", "Qualified", leads.Count(l => l.Tasks.Count > 0)),
            ("not_eligible", "Not eligible", leads.Count(l => l.Timeline.Exists(e => e.Kind == TimelineKind.Disqualified))),
            (LeadStatus.Contacted.Name(), "Contacted", leads.Count(Contacted)),
            (LeadStatus.QuoteSent.Name(), "Quote sent", leads.Sum(l => Reached(l, LeadStatus.QuoteSent))),
            (LeadStatus.ConsultationBooked.Name(), "Consultation booked", leads.Sum(l => Reached(l, LeadStatus.ConsultationBooked))),
            (LeadStatus.Won.Name(), "Won", leads.Sum(l => Reached(l, LeadStatus.Won))),
            (LeadStatus.Lost.Name(), "Lost", leads.Count(l => l.Status == LeadStatus.Lost)),
            (LeadStatus.NotACandidate.Name(), "Not a candidate", leads.Count(l => l.Status == LeadStatus.NotACandidate)),
        };

        var speeds = leads
            .Select(l => (Submitted: l.Timeline.Where(e => e.Kind == TimelineKind.Submitted).Select(e => (DateTimeOffset?)e.At).Min(),
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
