namespace LeadPlatform.FollowUp;

/// <summary>One coordinator in <c>FollowUp:Coordinators</c> (the roster until accounts feed it), in round-robin order.</summary>
public sealed class CoordinatorOptions
{
    /// <summary>Stable id, stored on the tasks they are assigned (e.g. <c>ana</c> or an account id).</summary>
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    /// <summary>Whether they take new leads now. Off duty: skipped by the round-robin.</summary>
    public bool OnDuty { get; set; } = true;

    /// <summary>On leave until this instant (ISO 8601, e.g. <c>2026-12-01T09:00:00-08:00</c>): skipped until then.</summary>
    public DateTimeOffset? OnLeaveUntil { get; set; }
}
