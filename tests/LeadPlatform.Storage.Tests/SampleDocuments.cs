using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Storage.Tests;

/// <summary>Fully populated documents: every field set, so a field a mapper drops shows up in a round trip.</summary>
public static class SampleDocuments
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, 123, TimeSpan.Zero);

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

    public static LeadDocument Lead(DateTimeOffset? dueAt = null, bool openTask = true)
    {
        var submitted = SampleMessages.QuoteRequestSubmitted();
        var lead = LeadDocument.New(submitted.LeadId, At);
        lead.Person = submitted.Person;
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
            Status = openTask ? "open" : "done",
        });
        lead.Record(new TimelineEntry { At = At, Kind = "qualified", Summary = "Qualified", QuoteRequestId = submitted.QuoteRequestId, Details = new() { ["condition"] = "+25" } });
        return lead;
    }
}
