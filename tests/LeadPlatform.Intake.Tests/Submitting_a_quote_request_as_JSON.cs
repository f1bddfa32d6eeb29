using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.Intake.Tests;

public sealed class Submitting_a_quote_request_as_JSON(SharedIntake intake) : IClassFixture<SharedIntake>
{
    private IntakeServer Server => intake.Server;

    [Fact]
    public async Task Stores_the_request_with_its_consent_record_and_event_before_answering_202_with_where_to_follow_it()
    {
        var request = SampleQuoteRequest.Create();
        request["consent"]!["sms"] = new JsonObject
        {
            ["granted"] = true,
            ["text"] = "I agree to receive text messages. Consent is not a condition of purchase.",
            ["textVersion"] = "2026-11",
        };

        using var response = await Server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var quoteRequestId = await IntakeServer.QuoteRequestIdOf(response);
        Assert.Equal($"/api/v1/quote-requests/{quoteRequestId}", response.Headers.Location?.OriginalString);
        var stored = await Server.Store.GetAsync(quoteRequestId);
        Assert.NotNull(stored);
        Assert.NotEqual(Guid.Empty, stored.LeadId);
        Assert.Equal(stored.LeadId, stored.Submission.LeadId);
        Assert.Equal("test", stored.SiteId);
        Assert.Equal("test", stored.Submission.SiteId);
        Assert.Equal(QuoteRequestStatus.Received, stored.Status);
        var sms = stored.Submission.Consent.Sms;
        Assert.True(sms.Granted);
        Assert.Equal("I agree to receive text messages. Consent is not a condition of purchase.", sms.Text);
        Assert.Equal("2026-11", sms.TextVersion);
        Assert.Equal(stored.ReceivedAt, sms.GrantedAt);
        Assert.Equal("free-quote", stored.Submission.Source.FormId);
        Assert.Equal("google", stored.Submission.Source.UtmSource);
        Assert.NotNull(stored.Submission.Source.ClientIp);
        Assert.Equal("+14155550134", stored.Submission.Person.Phone);
        Assert.Equal(MessageTypes.UrnOf(typeof(QuoteRequestSubmitted)), Assert.Single(stored.Outbox).MessageUrn);
    }

    [Fact]
    public async Task Answers_someone_else_s_email_and_phone_with_a_new_request_id_and_nothing_about_their_lead()
    {
        var victim = SampleQuoteRequest.Create($"victoria.victim+{Guid.NewGuid():N}@example.org", "+1 415 555 0177");
        using var theirs = await Server.PostJsonAsync(victim);
        var theirId = await IntakeServer.QuoteRequestIdOf(theirs);
        var theirLead = await Server.LeadIdOfAsync(theirId);
        var attacker = SampleQuoteRequest.Create((string)victim["email"]!, "+1 415 555 0177");
        attacker["firstName"] = "Eve";

        using var mine = await Server.PostJsonAsync(attacker);

        Assert.Equal(HttpStatusCode.Accepted, mine.StatusCode);
        var text = await mine.Content.ReadAsStringAsync();
        Assert.DoesNotContain(theirLead.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(theirId.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("leadId", text, StringComparison.OrdinalIgnoreCase);
        var myId = await IntakeServer.QuoteRequestIdOf(mine);
        using var status = await Server.GetStatusAsync(myId);
        var statusText = await status.Content.ReadAsStringAsync();
        Assert.DoesNotContain(theirLead.ToString(), statusText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tier", statusText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("qualified", statusText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tells_a_decided_request_only_that_it_is_done_not_what_was_decided()
    {
        using var posted = await Server.PostJsonAsync(SampleQuoteRequest.Create());
        var quoteRequestId = await IntakeServer.QuoteRequestIdOf(posted);
        var leadId = await Server.LeadIdOfAsync(quoteRequestId);
        await Server.Services.GetRequiredService<MassTransit.Mediator.IMediator>().Publish(new LeadQualified
        {
            LeadId = leadId, QuoteRequestId = quoteRequestId, OccurredAt = DateTimeOffset.UtcNow, Tier = "A", Score = 90,
            Reasons = [new ScoreReason { Rule = "condition", Points = 40, Text = "condition is spondylolysis" }], RuleSetVersion = "test",
        });

        var status = await Eventually.GetAsync(async () => await (await Server.GetStatusAsync(quoteRequestId)).Content.ReadFromJsonAsync<JsonObject>(),
            s => (string?)s?["status"] == "done", what: "the status done");

        var text = status!.ToJsonString();
        Assert.DoesNotContain("tier", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"A\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("qualified", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(leadId.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.Null((await Server.Store.GetAsync(quoteRequestId))!.Tier);
    }

    [Fact]
    public async Task Ignores_properties_outside_the_contract_so_a_client_cannot_set_ids_site_or_status()
    {
        var foreignLead = Guid.NewGuid();
        var request = SampleQuoteRequest.Create(phone: null);
        request["id"] = Guid.NewGuid().ToString();
        request["leadId"] = foreignLead.ToString();
        request["siteId"] = "other";
        request["status"] = "qualified";
        request["outbox"] = new JsonArray();
        request["source"]!["clientIp"] = "10.9.8.7";

        using var response = await Server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var quoteRequestId = await IntakeServer.QuoteRequestIdOf(response);
        var stored = await Server.Store.GetAsync(quoteRequestId);
        Assert.NotEqual(foreignLead, stored!.LeadId);
        Assert.Equal("test", stored!.SiteId);
        Assert.Equal(QuoteRequestStatus.Received, stored.Status);
        Assert.Single(stored.Outbox);
        Assert.NotEqual("10.9.8.7", stored.Submission.Source.ClientIp);
    }

    [Fact]
    public async Task Stores_a_later_request_of_a_known_person_as_a_new_request_of_the_same_lead()
    {
        var email = $"returning+{Guid.NewGuid():N}@fastmail.com";
        using var first = await Server.PostJsonAsync(SampleQuoteRequest.Create(email, phone: null));
        var later = SampleQuoteRequest.Create(email.ToUpperInvariant(), phone: null);
        later["message"] = "Still in pain; what would it cost?";

        using var second = await Server.PostJsonAsync(later);

        var firstId = await IntakeServer.QuoteRequestIdOf(first);
        var secondId = await IntakeServer.QuoteRequestIdOf(second);
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(await Server.LeadIdOfAsync(firstId), await Server.LeadIdOfAsync(secondId));
    }

    [Fact]
    public async Task Stores_a_request_that_only_shares_the_phone_or_the_email_under_a_new_lead_naming_the_possible_same_lead_and_what_matched()
    {
        var parentEmail = $"ana.ruiz+{Guid.NewGuid():N}@fastmail.com";
        var parent = SampleQuoteRequest.Create(parentEmail, phone: "+1 415 555 0166");
        parent["firstName"] = "Ana";
        var teen = SampleQuoteRequest.Create(phone: "+1 415 555 0166");
        teen["firstName"] = "Leo";
        var sameEmailOtherBirthday = SampleQuoteRequest.Create(parentEmail, phone: null);
        sameEmailOtherBirthday["firstName"] = "Ana";
        sameEmailOtherBirthday["dateOfBirth"] = "1991-04-12";

        var first = await StoredAsync(parent);
        var second = await StoredAsync(teen);
        var third = await StoredAsync(sameEmailOtherBirthday);

        Assert.Equal(3, new[] { first.LeadId, second.LeadId, third.LeadId }.Distinct().Count());
        Assert.Null(first.Submission.PossibleSameLeads);
        var byPhone = Assert.Single(second.Submission.PossibleSameLeads!);
        Assert.Equal((first.LeadId, "phone"), (byPhone.LeadId, Assert.Single(byPhone.Matched)));
        var byEmail = Assert.Single(third.Submission.PossibleSameLeads!);
        Assert.Equal((first.LeadId, "email"), (byEmail.LeadId, Assert.Single(byEmail.Matched)));
        Assert.All(new[] { first, second, third }, d => Assert.False(d.Submission.Repeat));
    }

    [Fact]
    public async Task Stores_a_request_with_the_same_email_name_and_date_of_birth_however_typed_as_a_repeat_of_the_same_lead()
    {
        var email = $"maria.jose+{Guid.NewGuid():N}@fastmail.com";
        var request = SampleQuoteRequest.Create(email, phone: null);
        request["firstName"] = "María José";
        request["lastName"] = "López";
        var again = SampleQuoteRequest.Create(email.ToUpperInvariant(), phone: null);
        again["firstName"] = "  MARIA  jose";
        again["lastName"] = "lopez ";
        again["message"] = "Worse at night now.";

        var first = await StoredAsync(request);
        var second = await StoredAsync(again);

        Assert.Equal(first.LeadId, second.LeadId);
        Assert.True(second.Submission.Repeat);
        Assert.Null(second.Submission.PossibleSameLeads);
    }

    private async Task<QuoteRequestDocument> StoredAsync(JsonObject request)
    {
        using var response = await Server.PostJsonAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["quoteRequestId"]!);
        return (await Server.Store.GetAsync(id))!;
    }

    [Fact]
    public async Task Tells_the_status_to_the_site_that_posted_it_without_personal_data()
    {
        using var posted = await Server.PostJsonAsync(SampleQuoteRequest.Create());
        var quoteRequestId = await IntakeServer.QuoteRequestIdOf(posted);

        using var response = await Server.GetStatusAsync(quoteRequestId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(status);
        Assert.Equal(["quoteRequestId", "status", "receivedAt", "updatedAt"], status.Select(p => p.Key));
        Assert.Contains(status["status"]!.GetValue<string>(), new[] { "received", "processing" });
        var text = status.ToJsonString();
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4155550134", text, StringComparison.Ordinal);
    }
}
