namespace LeadPlatform.FollowUp.Inbox;

/// <summary>
/// One reply from a lead (an inbound text, or an email reply), across leads. <c>key</c> names it on its lead for marking
/// it read. The text is the lead's own words: personal data, shown to signed-in staff only.
/// </summary>
public sealed record InboxItem(
    Guid LeadId,
    string Key,
    string LeadName,
    string Channel,
    DateTimeOffset At,
    string Text,
    bool Read,
    DateTimeOffset? ReadAt,
    string? ReadBy,
    bool MayBeOptOut)
{
    /// <summary>An email reply's subject (null for texts).</summary>
    public string? Subject { get; init; }
}
