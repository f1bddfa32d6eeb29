using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults.Logging;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>An outreach as the lead page shows it: what went out, with which disclaimers, under which evidence record.</summary>
public sealed record OutreachView(
    Guid OutreachId,
    string Kind,
    string Channel,
    string Status,
    string Author,
    string Recipient,
    string? Subject,
    string Message,
    string MessageHash,
    IReadOnlyList<string> DisclaimerVersions,
    Guid EvidenceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    string? Failure,
    DateTimeOffset? ReadConfirmedAt,
    string? ReadConfirmedBy)
{
    public static OutreachView From(OutreachRecord r) => new(
        r.Id, r.Kind, r.Channel, r.Status.Name(), r.Author,
        Compliance.ChannelPolicy.TryParse(r.Channel, out var policy) && policy.Address == Compliance.ChannelAddress.EmailAddress ? Pii.MaskEmail(r.Recipient) : Pii.MaskPhone(r.Recipient),
        r.Subject, r.Message, r.MessageHash, r.DisclaimerVersions, r.EvidenceId, r.CreatedAt, r.SentAt, r.Failure,
        r.ReadConfirmedAt, r.ReadConfirmedBy);
}
