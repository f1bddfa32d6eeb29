using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>Follow-up's store: leads with their tasks, timelines, outreach and evidence.</summary>
public interface ILeadStore : IDocumentStore<LeadDocument>
{
    /// <summary>Leads with an open task, the most urgent first.</summary>
    Task<IReadOnlyList<LeadDocument>> FindWithOpenTasksAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Leads with an open task due at or before <paramref name="now"/> that is not escalated yet, the most overdue first.</summary>
    Task<IReadOnlyList<LeadDocument>> FindOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many open tasks each assignee holds (by assignee id, case-insensitive): the round-robin's capacity check. Counted
    /// from the tasks alone (a projection of the leads with an open task): no lead is mapped and no sealed field is opened.
    /// </summary>
    Task<Dictionary<string, int>> CountOpenTasksByAssigneeAsync(CancellationToken cancellationToken = default);

    /// <summary>Leads with an open task nobody is assigned (<see cref="LeadDocument.NextUnassignedDueAt"/>), the most urgent first: the backlog.</summary>
    Task<IReadOnlyList<LeadDocument>> FindWithUnassignedTasksAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leads with an open, assigned tier-A task not re-offered and not contacted whose assignment is at or before
    /// <paramref name="assignedBefore"/> (<see cref="LeadDocument.TierAAssignedSince"/>), the longest waiting first: the re-offer's candidates.
    /// </summary>
    Task<IReadOnlyList<LeadDocument>> FindTierAAssignedBeforeAsync(DateTimeOffset assignedBefore, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of leads whose due times an older version derived (<see cref="LeadDocument.DueTimesVersion"/> below
    /// <see cref="LeadDocument.CurrentDueTimesVersion"/>, or none): found on an index, without opening any sealed field.
    /// </summary>
    Task<IReadOnlyList<Guid>> FindWithStaleDueTimesAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Leads whose phone number (E.164, as intake normalised it) is <paramref name="e164"/>: an inbound SMS's sender.</summary>
    Task<IReadOnlyList<LeadDocument>> FindByPhoneAsync(string e164, int max, CancellationToken cancellationToken = default);

    /// <summary>Leads whose email address is <paramref name="email"/> (compared as lower case): an inbound email's sender or a bounced address.</summary>
    Task<IReadOnlyList<LeadDocument>> FindByEmailAsync(string email, int max, CancellationToken cancellationToken = default);

    /// <summary>Leads not erased whose last activity (<see cref="LeadDocument.UpdatedAt"/>) is before <paramref name="cutoff"/>: retention's candidates.</summary>
    Task<IReadOnlyList<LeadDocument>> FindInactiveAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken = default);

    /// <summary>Leads first seen at or after <paramref name="since"/>, the newest first (the funnel).</summary>
    Task<IReadOnlyList<LeadDocument>> FindCreatedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default);

    /// <summary>Leads in one status, the most recently changed first (the "not eligible" list).</summary>
    Task<IReadOnlyList<LeadDocument>> FindByStatusAsync(LeadStatus status, int max, CancellationToken cancellationToken = default);

    /// <summary>The lead that a submission (its quote request id, as intake answered it) was recorded on, or null.</summary>
    Task<LeadDocument?> FindByQuoteRequestAsync(Guid quoteRequestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leads that existed and were changed within [<paramref name="from"/>, <paramref name="to"/>] (created at or before
    /// <paramref name="to"/>, last changed at or after <paramref name="from"/>), the oldest first: every lead with an
    /// evidence record, a timeline entry or an outreach in the period is among them (the compliance officer's lists).
    /// </summary>
    Task<IReadOnlyList<LeadDocument>> FindActiveBetweenAsync(DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken = default);
}
