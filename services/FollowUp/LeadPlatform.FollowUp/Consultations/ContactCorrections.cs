using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// A coordinator corrects a mistyped phone or email. The person's contact details change; what consent was given for
/// stays (<see cref="ConsentedContact"/>), so the gate refuses texts and calls to the new number (or email to the new
/// address) until the lead confirms through it. Recorded with who and why on the timeline and in the evidence ledger
/// (channel <c>lead</c>, decision <c>contact_corrected</c>, hashed values only).
/// </summary>
internal sealed class ContactCorrections(ILeadStore store, TimeProvider time, ILogger<ContactCorrections> logger)
{
    /// <summary>Null: no such lead; else the fields that changed (empty: the same as on file).</summary>
    public async Task<IReadOnlyList<string>?> CorrectAsync(Guid leadId, string? phone, string? email, string reason, string by, CancellationToken cancellationToken)
    {
        List<string>? result = null;
        await store.UpdateAsync(leadId, (lead, log) =>
        {
            result = null;
            if (lead.MergedInto is not null || lead.ErasedAt is not null || lead.Person is null) return false;
            var now = StoredTime.Truncate(time.GetUtcNow());
            var changed = result = [];
            var person = lead.Person;
            lead.ConsentedContact ??= new ConsentedContact();
            if (phone is not null && phone != person.Phone)
            {
                // The first correction keeps the number consent was given for; a later one keeps it too.
                lead.ConsentedContact.Phone ??= person.Phone ?? string.Empty;
                person = person with { Phone = phone };
                changed.Add("phone");
            }
            if (email is not null && !string.Equals(email, person.Email, StringComparison.OrdinalIgnoreCase))
            {
                lead.ConsentedContact.Email ??= person.Email ?? string.Empty;
                person = person with { Email = email };
                changed.Add("email");
            }
            // Corrected back to what consent was given for: nothing needs confirming any more.
            if (lead.ConsentedContact.Phone is { } p && p == person.Phone) lead.ConsentedContact.Phone = null;
            if (lead.ConsentedContact.Email is { } e && string.Equals(e, person.Email, StringComparison.OrdinalIgnoreCase)) lead.ConsentedContact.Email = null;
            if (lead.ConsentedContact is { Phone: null, Email: null }) lead.ConsentedContact = null;
            if (changed.Count == 0) return false;
            lead.Person = person;
            foreach (var field in changed)
            {
                lead.ContactCorrections.Add(new ContactCorrection { At = now, Field = field, By = by, Reason = reason.Trim() });
            }
            var what = string.Join(" and ", changed.Select(f => f == "phone" ? "phone number" : "email address"));
            var needs = new List<string>();
            if (lead.ConsentedContact?.Phone is not null) needs.Add("texts and calls to the new number");
            if (lead.ConsentedContact?.Email is not null) needs.Add("email to the new address");
            lead.Record(new TimelineEntry
            {
                At = now, Kind = TimelineKind.ContactCorrected, Actor = by,
                Summary = $"{char.ToUpperInvariant(what[0])}{what[1..]} corrected: {reason.Trim()}."
                          + (needs.Count > 0 ? $" Consent needs confirmation before {string.Join(" or ", needs)}." : string.Empty),
                Details = new() { ["fields"] = string.Join(",", changed), ["reason"] = reason.Trim() },
            });
            // Hashes only (the ledger is not sealed): which fields, the new values' and the reason's hashes, who.
            var detail = $"{string.Join(",", changed)} corrected by a coordinator; consent needs confirmation through the new contact";
            lead.AppendEvidence(new EvidenceRecord
            {
                EvidenceId = Guid.CreateVersion7(now),
                LeadId = leadId,
                Channel = "lead",
                Author = by,
                DecidedAt = now,
                Decision = "contact_corrected",
                MessageHash = Hash($"contact_corrected:{leadId:D}:{string.Join(",", changed.Select(f => f + "=" + Hash(f == "phone" ? person.Phone : person.Email)))}:{Hash(reason.Trim())}"),
                RuleSetVersion = "identity-v1",
                ConsentHash = "none",
                RuleResults = [new EvidenceRuleResult { Rule = "identity.contact_corrected", Outcome = "passed", Detail = detail }],
            });
            log.LogInformation("Lead {LeadId}: {CorrectedFields} corrected by a coordinator", leadId, string.Join(",", changed));
            return true;
        }, new UpdateOptions<LeadDocument> { Logger = logger }, cancellationToken);
        return result;
    }

    private static string Hash(string? value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value ?? string.Empty)));
}
