using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// Builds <see cref="FunnelFigures"/> from the leads first seen in a period. Stages: submitted → qualified (a follow-up
/// task was opened) → contacted (a first human contact: a coordinator's email or text sent, a call made with its
/// disclaimer read aloud, or a call logged as reached) → consultation booked (the status <c>consultation_booked</c>,
/// now or ever, or a later stage). The automatic acknowledgement is not a human contact: its speed is shown apart.
/// </summary>
internal sealed class FunnelReports(ILeadStore store, SlaClock clock)
{
    public const int MaxLeads = 20_000;
    public static readonly string[] Dimensions = ["source", "campaign", "condition", "language", "none"];
    public static readonly string[] Stages = ["submitted", "qualified", "contacted", LeadStatus.ConsultationBooked.Name()];
    public static readonly string[] StageLabels = ["Submitted", "Qualified", "Contacted", "Consultation booked"];

    /// <summary>Stages after a booked consultation: a lead in one was booked first.</summary>
    private static readonly LeadStatus[] AfterBooking = [LeadStatus.Won];

    public async Task<FunnelFigures> BuildAsync(ReportPeriod period, string groupBy, CancellationToken cancellationToken)
    {
        var leads = (await store.FindCreatedSinceAsync(period.From, MaxLeads, cancellationToken))
            .Where(l => l.CreatedAt <= period.To && l.MergedInto is null) // a merged lead is counted in the one it joined
            .ToList();
        var facts = leads.Select(Facts).ToList();

        var groups = groupBy == "none"
            ? []
            : facts.GroupBy(f => Key(f, groupBy), StringComparer.OrdinalIgnoreCase)
                .Select(g => Group(g.Key, g))
                .OrderByDescending(g => g.Submitted).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList();

        var contacted = facts.Where(f => f.FirstHumanContact is not null).ToList();
        var notes = new List<string>
        {
            "A lead counts in every stage it reached; a merged lead counts once, in the lead it joined.",
            "Contacted means a first human contact: a coordinator's email or text sent, a call made (disclaimer read aloud) or a call logged as reached. The automatic acknowledgement does not count.",
            $"Consultation booked counts the lead status '{LeadStatus.ConsultationBooked.Name()}' (current, or set at any time) and leads that went on to won.",
        };
        if (leads.Count >= MaxLeads) notes.Add($"Only the first {MaxLeads} leads of the period were counted: choose a shorter period.");

        return new FunnelFigures(period.From, period.To, groupBy, StageLabels, Group("all", facts), groups,
            Speed(contacted.Select(f => f.FirstHumanContact!.Value)),
            [.. contacted.GroupBy(f => f.FirstContactBy ?? "unknown", StringComparer.OrdinalIgnoreCase).Select(g => new SpeedGroup(g.Key, Speed(g.Select(f => f.FirstHumanContact!.Value)))).OrderBy(g => g.Key, StringComparer.Ordinal)],
            [.. contacted.GroupBy(f => f.Source, StringComparer.OrdinalIgnoreCase).Select(g => new SpeedGroup(g.Key, Speed(g.Select(f => f.FirstHumanContact!.Value)))).OrderBy(g => g.Key, StringComparer.Ordinal)],
            [.. Enumerable.Range(0, 24).Select(h => new SpeedGroup(h.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                Speed(contacted.Where(f => f.HourOfArrival == h).Select(f => f.FirstHumanContact!.Value))))],
            Speed(facts.Where(f => f.Acknowledgement is not null).Select(f => f.Acknowledgement!.Value)),
            clock.TimeZone.Id, notes)
        {
            LostReasons = LostReasonCounts(leads),
        };
    }

    private static FunnelGroup Group(string key, IEnumerable<LeadFigures> facts)
    {
        var list = facts.ToList();
        return new FunnelGroup(key, [list.Count, list.Count(f => f.Qualified), list.Count(f => f.Contacted), list.Count(f => f.Booked)]);
    }

    private static string Key(LeadFigures f, string groupBy) => groupBy switch
    {
        "campaign" => f.Campaign,
        "condition" => f.Condition,
        "language" => f.Language,
        _ => f.Source,
    };

    private sealed record LeadFigures(string Source, string Campaign, string Condition, string Language, int HourOfArrival, bool Qualified,
        bool Contacted, bool Booked, TimeSpan? FirstHumanContact, string? FirstContactBy, TimeSpan? Acknowledgement);

    private LeadFigures Facts(LeadDocument lead)
    {
        var submittedAt = lead.Timeline.Where(e => e.Kind == TimelineKind.Submitted).Select(e => (DateTimeOffset?)e.At).Min()
                          ?? lead.Submissions.Select(s => (DateTimeOffset?)s.ReceivedAt).Min() ?? lead.CreatedAt;
        var source = lead.Submissions.OrderBy(s => s.ReceivedAt).FirstOrDefault()?.Source;
        var erased = lead.ErasedAt is not null;
        var (contactAt, contactBy) = FirstHumanContact(lead);
        var ack = lead.Outreach.Where(o => o.Kind == OutreachKinds.Acknowledgement && o.Status == OutreachStatus.Sent && o.SentAt is not null)
            .Select(o => (DateTimeOffset?)o.SentAt).Min();
        bool Ever(LeadStatus status) => lead.Status == status
            || lead.Timeline.Exists(e => e.Kind == TimelineKind.StatusChanged && e.Details.GetValueOrDefault("to") == status.Name());
        return new LeadFigures(
            Source: Named(source?.UtmSource, erased, "direct"),
            Campaign: Named(source?.UtmCampaign, erased, "(no campaign)"),
            Condition: Named(lead.Inquiry?.Condition, erased, "(unknown)"),
            Language: Named(lead.Person?.Language, erased, "(unknown)"),
            HourOfArrival: TimeZoneInfo.ConvertTime(submittedAt, clock.TimeZone).Hour,
            Qualified: lead.Tasks.Count > 0 || lead.Timeline.Exists(e => e.Kind == TimelineKind.Qualified),
            Contacted: contactAt is not null,
            Booked: Ever(LeadStatus.ConsultationBooked) || AfterBooking.Any(Ever),
            FirstHumanContact: contactAt is { } c ? Max0(c - submittedAt) : null,
            FirstContactBy: contactBy,
            Acknowledgement: ack is { } a ? Max0(a - submittedAt) : null);
    }

    /// <summary>The lost leads by reason, in the list's order; those lost without one as <c>unknown</c> (only when there are any).</summary>
    internal static IReadOnlyList<LostReasonCount> LostReasonCounts(IEnumerable<LeadDocument> leads)
    {
        var lost = leads.Where(l => l.Status == LeadStatus.Lost).ToList();
        var counts = Consultations.LostReasons.All.Select(r => new LostReasonCount(r.Code, r.Label, lost.Count(l => l.LostReason == r.Code))).ToList();
        var unknown = lost.Count(l => !Consultations.LostReasons.IsKnown(l.LostReason));
        if (unknown > 0) counts.Add(new LostReasonCount("unknown", "No reason recorded", unknown));
        return counts;
    }

    private static TimeSpan Max0(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;

    private static string Named(string? value, bool erased, string missing) =>
        !string.IsNullOrWhiteSpace(value) ? value.Trim().ToLowerInvariant() : erased ? "(erased)" : missing;

    /// <summary>The earliest human contact: a coordinator's email or text sent, a call made, or a call logged as reached.</summary>
    internal static (DateTimeOffset? At, string? By) FirstHumanContact(LeadDocument lead)
    {
        var candidates = lead.Outreach
            .Where(o => o.Kind == OutreachKinds.Coordinator && o.Status == OutreachStatus.Sent)
            .Select(o => (At: o.Channel == Outreach.ChannelNames.Phone ? o.ReadConfirmedAt ?? o.SentAt : o.SentAt, By: o.ReadConfirmedBy ?? o.Author))
            .Concat(lead.Timeline
                .Where(e => e.Kind.IsCall() && e.Details.GetValueOrDefault("outcome") == "reached")
                .Select(e => (At: (DateTimeOffset?)e.At, By: e.Actor)))
            .Where(x => x.At is not null)
            .OrderBy(x => x.At)
            .FirstOrDefault();
        return (candidates.At, candidates.By);
    }

    internal static SpeedFigures Speed(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        double? At(double p) => sorted.Count == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].TotalSeconds, 1);
        return new SpeedFigures(sorted.Count, At(0.5), At(0.9));
    }
}
