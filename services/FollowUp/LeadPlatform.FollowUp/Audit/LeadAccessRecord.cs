using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Audit;

/// <summary>Someone read a lead's personal data: who (name as shown, and account or token id), when, and what they opened.</summary>
public sealed class LeadAccessRecord : StoredDocument
{
    public Guid LeadId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The display name, or <c>api:&lt;token&gt;</c>, or <c>operator</c> (the operator key).</summary>
    public string Actor { get; set; } = string.Empty;
    /// <summary>The account id of a person; the token's name for an integration.</summary>
    public string? ActorId { get; set; }
    /// <summary><see cref="LeadAccessKinds"/>.</summary>
    public string What { get; set; } = string.Empty;
}
