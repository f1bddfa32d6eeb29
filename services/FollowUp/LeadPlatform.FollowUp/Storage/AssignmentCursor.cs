using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// The round-robin's place, one document for the service: who was assigned last, and the latest assignments by task key,
/// so a redelivered or retried decision gets the same coordinator instead of moving the round on. Written with the
/// store's optimistic concurrency, so concurrent consumers (threads or instances) never hand out the same turn twice.
/// </summary>
public sealed class AssignmentCursor : StoredDocument
{
    /// <summary>The one cursor's id.</summary>
    public static readonly Guid RoundRobinId = new("5d1a4a39-0b6c-4c8e-9a53-7a2f0c1e0001");

    /// <summary>Remembered assignments (for redeliveries); older ones are dropped.</summary>
    public const int RememberedAssignments = 200;

    public string? LastAssigneeId { get; set; }
    public long Assignments { get; set; }
    public List<AssignmentMemo> Recent { get; set; } = [];
}
