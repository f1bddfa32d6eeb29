using System.Text.Json;
using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Intake.Privacy;

/// <summary>
/// Erases a lead's personal data from intake's requests and, in the same single-document write as the first request's
/// change, puts <see cref="LeadErasureRequested"/> (for the other services) and intake's own <see cref="LeadDataErased"/>
/// in its outbox: the request to the others is never lost, and never sent for an erasure that was not stored.
/// </summary>
public sealed class LeadErasure(IQuoteRequestStore store, TimeProvider time, ILogger<LeadErasure> logger)
{
    public const string Erased = "(erased)";

    /// <summary>
    /// An operator's request: the erasure's id (the earlier one when the lead was already erased), or null when intake
    /// knows no such lead.
    /// </summary>
    public Task<Guid?> EraseAsync(Guid leadId, CancellationToken cancellationToken) => EraseAsync(leadId, null, cancellationToken);

    /// <summary>
    /// With <paramref name="requested"/> null, an operator's request, announced to the other services; else another
    /// service's request (retention in follow-up), only confirmed.
    /// </summary>
    public async Task<Guid?> EraseAsync(Guid leadId, Guid? requested, CancellationToken cancellationToken)
    {
        var documents = await store.FindByLeadAsync(leadId, cancellationToken);
        if (documents.Count == 0) return null;
        if (documents.All(d => d.ErasedAt is not null)) return documents[0].ErasureId;
        var erasureId = documents.Select(d => d.ErasureId).FirstOrDefault(id => id is not null) ?? requested ?? Ids.New();
        var now = time.GetUtcNow();
        // The first request carries the events, so they are stored with the first erasure. A request changed meanwhile
        // (qualified, sent) is erased on a fresh read; one erased meanwhile is skipped.
        foreach (var found in documents.OrderBy(d => d == documents[0] ? 0 : 1))
        {
            var first = found == documents[0];
            await store.UpdateAsync(found.Id, (document, _) =>
            {
                if (document.ErasedAt is not null) return false;
                Anonymise(document, now, erasureId);
                if (first)
                {
                    if (requested is null)
                        document.Enqueue(new LeadErasureRequested { LeadId = leadId, OccurredAt = now, ErasureId = erasureId }, now, conversationId: erasureId, correlationId: leadId);
                    document.Enqueue(new LeadDataErased { LeadId = leadId, OccurredAt = now, ErasureId = erasureId, Service = IntakeModule.ServiceName }, now, conversationId: erasureId, correlationId: leadId);
                }
                return true;
            }, UpdateOptions<QuoteRequestDocument>.From(found), cancellationToken);
        }
        logger.LogInformation("Personal data of lead {LeadId} erased by {Service} ({QuoteRequestCount} requests) for erasure {ErasureId}",
            leadId, IntakeModule.ServiceName, documents.Count, erasureId);
        return erasureId;
    }

    /// <summary>
    /// Keeps what is not personal (site, status, condition code, consent wording, version and time, the keyed hashes of
    /// what consented); drops the rest, also from the events already sent.
    /// </summary>
    internal static void Anonymise(QuoteRequestDocument document, DateTimeOffset now, Guid? erasureId)
    {
        var submission = document.Submission;
        document.Submission = submission with
        {
            Person = submission.Person with
            {
                FirstName = Erased,
                LastName = Erased,
                Email = null,
                Phone = null,
                DateOfBirth = null,
                Age = null,
                PostalCode = null,
            },
            Inquiry = submission.Inquiry with { Message = null, ConditionOther = null },
            Source = submission.Source with { ClientIp = null, UserAgent = null, Referrer = null, PageUrl = null },
        };
        // What survives is proof without the person (GDPR Art. 17(3)(e)): the consent wording, version and time stay in
        // the submission, and the keyed hashes of the address and number that consented, apart from the lookup keys.
        var consent = submission.Consent;
        document.ConsentedEmailKey = consent.Email.Granted ? document.EmailKey : null;
        document.ConsentedPhoneKey = consent.Sms.Granted || consent.Phone.Granted ? document.PhoneKey : null;
        document.EmailKey = null;
        document.PhoneKey = null;
        document.IdentityKey = null;
        var urn = MessageTypes.UrnOf(typeof(QuoteRequestSubmitted));
        foreach (var entry in document.Outbox.Where(e => e.MessageUrn == urn))
            entry.Payload = entry.SentAt is null ? JsonSerializer.Serialize(document.Submission, MessageTypes.Json) : string.Empty;
        document.ErasedAt = StoredTime.Truncate(now);
        document.ErasureId = erasureId;
        document.UpdatedAt = StoredTime.Truncate(now);
    }
}
