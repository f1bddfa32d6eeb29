namespace LeadPlatform.FollowUp.Tasks;

/// <summary>A coordinator as the roster knows them: who, and whether they can take a lead now.</summary>
public sealed record Coordinator(string Id, string Name, bool OnDuty, DateTimeOffset? OnLeaveUntil)
{
    /// <summary>On duty and not on leave at <paramref name="now"/>.</summary>
    public bool IsAvailableAt(DateTimeOffset now) => OnDuty && (OnLeaveUntil is null || OnLeaveUntil <= now);
}
