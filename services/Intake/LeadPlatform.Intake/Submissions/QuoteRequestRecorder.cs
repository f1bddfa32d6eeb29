using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake.Submissions;

/// <summary>
/// Stores a submission exactly once. Each request carries a dedupe key that the database keeps unique, and the request
/// and its event are one insert: of two equal submissions arriving together, the database accepts one and refuses the
/// other, which is then answered with the one that was stored. No read decides whether to write.
/// <para>
/// A content key outlives its window only until the next equal request: that one retires the old key (a versioned
/// single-document replace, so of two racing retirers one wins) and inserts its own, again under the unique index.
/// </para>
/// </summary>
internal sealed class QuoteRequestRecorder(IQuoteRequestStore store, PersonKeys keys, IOptions<IntakeOptions> options)
{
    private const int MaxAttempts = 5;
    /// <summary>A household shares a phone among a few people; a number shared by many more (a clinic's own, a test's) links only the earliest few.</summary>
    private const int MaxPossibleSameLeads = 10;
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public async Task<RecordOutcome> RecordAsync(Submission submission, CancellationToken cancellationToken)
    {
        var request = submission.Request;
        var emailKey = keys.Of(request.Person.Email);
        var phoneKey = keys.Of(request.Person.Phone);
        var identityKey = keys.IdentityOf(request.Person);
        // The content is serialised once: it is both the content key's input and part of the body's fingerprint.
        var content = ContentOf(request);
        var dedupeKey = DedupeKeyOf(submission, content);
        var bodyFingerprint = keys.Of(BodyOf(request, content));

        // Spam is never linked to a real person's lead: its answer must not tell a bot that an email is known.
        var matches = submission.SpamReason is null ? await store.FindMatchingLeadsAsync(emailKey, phoneKey, identityKey, cancellationToken) : [];
        // Only the same email, name and date of birth is the same person coming back; anything less certain (a shared
        // phone, the same email with another name) gets a lead of its own, linked for a coordinator to decide.
        var sameLead = matches.FirstOrDefault(m => m.SameIdentity)?.LeadId;
        var leadId = sameLead ?? Ids.New();
        var possible = matches.Where(m => m.LeadId != leadId)
            .Take(MaxPossibleSameLeads)
            .Select(m => new PossibleSameLead { LeadId = m.LeadId, Matched = [.. Matched(m)] })
            .ToList();
        var document = NewDocument(submission, leadId, sameLead is not null, possible, emailKey, phoneKey, identityKey, dedupeKey, bodyFingerprint);

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.TryInsertAsync(document, cancellationToken)) return new RecordOutcome(RecordResult.Stored, document);
            if (dedupeKey is null) continue; // only an id collision can refuse a request:{id} key: try again

            var holder = await store.FindByDedupeKeyAsync(dedupeKey, cancellationToken);
            if (holder is null) continue; // retired meanwhile: insert again
            if (submission.IdempotencyKey is not null)
            {
                return holder.BodyFingerprint == bodyFingerprint
                    ? new RecordOutcome(RecordResult.IdempotentReplay, holder)
                    : new RecordOutcome(RecordResult.IdempotencyKeyReused, holder);
            }
            if (submission.ReceivedAt - holder.ReceivedAt < options.Value.DedupeWindow)
                return new RecordOutcome(RecordResult.Resubmission, holder);

            // Changed meanwhile (marked sent, qualified): retired on a fresh read; retired by an equal request: nothing to do.
            await store.UpdateAsync(holder.Id, (h, _) =>
            {
                if (h.DedupeKey != dedupeKey) return false;
                h.DedupeKey = $"retired:{h.Id:N}";
                return true;
            }, UpdateOptions<QuoteRequestDocument>.From(holder), cancellationToken);
        }
        throw new InvalidOperationException($"The dedupe key of quote request {document.Id} could not be claimed in {MaxAttempts} attempts.");
    }

    /// <summary>Null for spam without an Idempotency-Key: its default key is its own id.</summary>
    private string? DedupeKeyOf(Submission submission, string content)
    {
        if (submission.IdempotencyKey is not null)
            return $"idempotency:{submission.Site.Id}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.IdempotencyKey)))}";
        if (submission.SpamReason is not null) return null;
        return $"content:{submission.Site.Id}:{keys.Of(content)}";
    }

    /// <summary>Who asks, what, and what they consented to (a resubmission that changes consent is a new request).</summary>
    private static string ContentOf(Api.NormalizedQuoteRequest request) => JsonSerializer.Serialize(new
    {
        request.Person,
        request.Inquiry,
        // The health-data consent joins only when given, so requests without it hash as before.
        Consent = new[] { request.Consent.Email, request.Consent.Sms, request.Consent.Phone, request.Consent.HealthData }
            .OfType<ChannelConsent>().Select(c => new { c.Granted, c.Text, c.TextVersion }),
    }, Canonical);

    /// <summary>Everything the client sent (normalised), nothing the server added (client IP, user agent, times).</summary>
    private static string BodyOf(Api.NormalizedQuoteRequest request, string content) => JsonSerializer.Serialize(new
    {
        Content = content,
        Source = request.Source with { ClientIp = null, UserAgent = null },
        request.HoneypotFilled,
        request.FormRenderedAt,
    }, Canonical);

    private static IEnumerable<string> Matched(LeadMatch match)
    {
        if (match.Email) yield return "email";
        if (match.Phone) yield return "phone";
    }

    private static QuoteRequestDocument NewDocument(Submission submission, Guid leadId, bool repeat, List<PossibleSameLead> possible,
        string? emailKey, string? phoneKey, string? identityKey, string? dedupeKey, string? bodyFingerprint)
    {
        var id = Ids.New();
        var now = submission.ReceivedAt;
        var submitted = new QuoteRequestSubmitted
        {
            LeadId = leadId,
            QuoteRequestId = id,
            OccurredAt = now,
            SiteId = submission.Site.Id,
            Person = submission.Request.Person,
            Inquiry = submission.Request.Inquiry,
            Consent = submission.Request.Consent,
            Source = submission.Request.Source,
            Repeat = repeat,
            PossibleSameLeads = possible.Count == 0 ? null : possible,
        };
        var document = new QuoteRequestDocument
        {
            Id = id,
            LeadId = leadId,
            SiteId = submission.Site.Id,
            Status = submission.SpamReason is null ? QuoteRequestStatus.Received : QuoteRequestStatus.Spam,
            SpamReason = submission.SpamReason,
            ReceivedAt = now,
            UpdatedAt = now,
            EmailKey = emailKey,
            PhoneKey = phoneKey,
            IdentityKey = identityKey,
            BodyFingerprint = bodyFingerprint,
            Submission = submitted,
        };
        if (dedupeKey is not null) document.DedupeKey = dedupeKey;
        // The event is part of the same write as the request: stored together, or not at all. Spam has none.
        if (submission.SpamReason is null) document.Enqueue(submitted, now, conversationId: id, correlationId: leadId);
        return document;
    }
}
