using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Storage.Tests;

/// <summary>Fully populated documents: every field set, so a field a mapper drops shows up in a round trip.</summary>
public static class SampleDocuments
{
    internal static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, 123, TimeSpan.Zero);

    public static QuoteRequestDocument QuoteRequest(string? emailKey = "email-key", string? phoneKey = "phone-key", DateTimeOffset? receivedAt = null)
    {
        var submitted = SampleMessages.QuoteRequestSubmitted() with { OccurredAt = receivedAt ?? At };
        var document = new QuoteRequestDocument
        {
            Id = submitted.QuoteRequestId,
            LeadId = submitted.LeadId,
            SiteId = "clinic",
            Status = QuoteRequestStatus.Received,
            ReceivedAt = receivedAt ?? At,
            UpdatedAt = receivedAt ?? At,
            Tier = "A",
            EmailKey = emailKey,
            PhoneKey = phoneKey,
            Submission = submitted with
            {
                Consent = submitted.Consent with { Email = submitted.Consent.Email with { GrantedAt = At } },
            },
        };
        document.Enqueue(submitted, At, submitted.QuoteRequestId, submitted.LeadId);
        return document;
    }

    public static QualificationDocument Decision(Guid? leadId = null, DateTimeOffset? decidedAt = null)
    {
        var document = new QualificationDocument
        {
            Id = Ids.New(),
            LeadId = leadId ?? Ids.New(),
            Eligible = true,
            Tier = "B",
            Score = 45,
            Reasons = [new ScoreReason { Rule = "condition", Points = 25, Text = "condition is spondylolysis" }, new ScoreReason { Rule = "duration", Points = 20, Text = "symptoms for 8 months" }],
            Flags = ["no_conservative_care"],
            Disqualifications = [new DisqualificationReason { Rule = "none", Text = "kept for the round trip" }],
            RuleSetVersion = "2026-11-24",
            DecidedAt = decidedAt ?? At,
        };
        document.Enqueue(SampleMessages.LeadQualified(document.LeadId, document.Id, "B"), At, document.Id, document.LeadId);
        return document;
    }

    public static LeadDocument Lead(DateTimeOffset? dueAt = null, bool openTask = true, string? phone = "+14155550134")
    {
        var submitted = SampleMessages.QuoteRequestSubmitted();
        var lead = LeadDocument.New(submitted.LeadId, At);
        lead.Person = submitted.Person with { Phone = phone };
        lead.Inquiry = submitted.Inquiry;
        lead.Consent = submitted.Consent with { Email = submitted.Consent.Email with { GrantedAt = At } };
        lead.Tier = "A";
        lead.Score = 80;
        lead.QuoteRequestIds.Add(submitted.QuoteRequestId);
        lead.OptOuts.Add("sms");
        lead.Tasks.Add(new FollowUpTask
        {
            Id = Ids.New(),
            QuoteRequestId = submitted.QuoteRequestId,
            Tier = "A",
            CreatedAt = At,
            DueAt = dueAt ?? At.AddMinutes(15),
            AssignedTo = "coordinator@clinic.example",
            Status = openTask ? FollowUpTaskStatus.Open : FollowUpTaskStatus.Done,
        });
        lead.Record(new TimelineEntry { At = At, Kind = TimelineKind.Qualified, Summary = "Qualified", QuoteRequestId = submitted.QuoteRequestId, Details = new() { ["condition"] = "+25" } });
        var outreachId = Ids.New();
        var blocked = lead.AppendEvidence(Evidence(lead.Id, "blocked", null, At.AddTicks(4321)));
        var cleared = lead.AppendEvidence(Evidence(lead.Id, "cleared", outreachId, At.AddSeconds(1)));
        lead.Outreach.Add(new OutreachRecord
        {
            Id = outreachId,
            Kind = OutreachKinds.Acknowledgement,
            Key = "acknowledgement:" + lead.Tasks[0].Id,
            Channel = "email",
            Status = OutreachStatus.Sent,
            Author = "system:acknowledgement",
            Recipient = "maria.lopez@fastmail.com",
            Subject = "We received your request",
            Message = "Hello Maria,\n\n--\nAbout this treatment - please read ",
            MessageHash = cleared.MessageHash,
            DisclaimerVersions = ["evidence.spondylolysis.email@2025-07.1"],
            EvidenceId = cleared.EvidenceId,
            CreatedAt = At.AddSeconds(1),
            ValidUntil = At.AddMinutes(16),
            SentAt = At.AddSeconds(2),
            ProviderMessageId = $"{outreachId}@followup.leadplatform",
            Failure = "kept for the round trip",
            ReadConfirmedAt = At.AddSeconds(3),
            ReadConfirmedBy = "coordinator@clinic.example",
        });
        _ = blocked;
        return lead;
    }

    /// <summary>An evidence record as the gate makes one (unlinked), every field set; its time has sub-millisecond ticks.</summary>
    public static EvidenceRecord Evidence(Guid leadId, string decision, Guid? outreachId, DateTimeOffset decidedAt) => new()
    {
        EvidenceId = Ids.New(),
        LeadId = leadId,
        Channel = "email",
        Author = "coordinator@clinic.example",
        DecidedAt = decidedAt,
        Decision = decision,
        OutreachId = outreachId,
        MessageHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        SubjectHash = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
        RuleSetVersion = "claims-en-2025.07.1",
        DisclaimerVersions = ["evidence.spondylolysis.email@2025-07.1"],
        ConsentHash = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        RuleResults =
        [
            new EvidenceRuleResult { Rule = "consent.missing", Outcome = "passed" },
            new EvidenceRuleResult { Rule = "claims.cure", Outcome = decision == "blocked" ? "failed" : "passed", Detail = decision == "blocked" ? "body[4+5] \"cures\"" : null },
        ],
    };

    /// <summary>A message held for review, with an edit (both texts are sealed at rest).</summary>
    public static ReviewItem Review(Guid leadId, DateTimeOffset createdAt) => new()
    {
        Id = Guid.CreateVersion7(),
        LeadId = leadId,
        Channel = "email",
        Language = "es",
        Condition = "spondylolysis",
        Author = "Ana",
        CreatedAt = createdAt,
        Draft = new ReviewText { Subject = "Your consultation", Body = "Hello Maria, please book before it is too late." },
        Edited = new ReviewText { Subject = "Your consultation", Body = "Hello Maria, whenever you are ready." },
        Findings =
        [
            new ReviewFinding
            {
                Rule = "claims.urgency", Severity = "review", Category = "urgency", Field = "body", Match = "before it is too late", Start = 25, Length = 21,
                Advice = "Do not pressure.", Suggestion = "whenever you are ready", Source = "FTC", Exemplar = "Act now, time is running out",
            },
        ],
        HeldEvidenceId = Guid.CreateVersion7(),
        ApprovedContent = ["template:6c1f0a52-7d3e-4b8a-9f21-0c4e5a7b0001@1"],
        BlockedReasons = ["The lead opted out."],
    };
}
