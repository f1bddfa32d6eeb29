using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Reviews;

/// <summary>
/// A message the claims screen cannot decide (fear-based urgency) is held, not sent; a compliance officer approves it
/// (sent, the evidence names them), edits and approves it (both texts kept) or rejects it with a reason (the coordinator
/// sees it on the lead); an approval is checked again at that moment. Over real HTTP, on a clock inside calling hours.
/// </summary>
public sealed class Reviewing_held_messages : IAsyncLifetime
{
    private const string Password = ReviewDesk.Password;
    private const string Urgent = ReviewDesk.Urgent;
    private ReviewDesk _desk = null!;
    private Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = null!;
    private OutreachHost _host = null!;
    private DashboardSession _carl = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _desk = await ReviewDesk.StartAsync();
        (_time, _host, _ana, _carl) = (_desk.Time, _desk.Host, _desk.Coordinator, _desk.Officer);
    }

    public ValueTask DisposeAsync() => _desk.DisposeAsync();

    private Task<(Guid LeadId, JsonObject Held)> HeldAsync(string body = Urgent, string channel = "email") => _desk.HeldAsync(body, channel);

    [Fact]
    public async Task A_draft_the_screen_cannot_decide_is_held_with_202_recorded_as_review_and_nothing_reaches_the_outbox()
    {
        var (leadId, held) = await HeldAsync();

        Assert.Equal("held_for_review", (string?)held["status"]);
        Assert.Equal("review", (string?)held["decision"]);
        var finding = Assert.Single(held["findings"]!.AsArray())!;
        Assert.Equal("review", (string?)finding["severity"]);
        Assert.Equal("before it is too late", (string?)finding["match"]);
        Assert.Equal(Urgent.IndexOf("before it is too late", StringComparison.Ordinal), (int)finding["start"]!);
        foreach (var key in new[] { "rule", "category", "length", "advice", "suggestion", "source", "exemplar" }) Assert.True(((JsonObject)finding!).ContainsKey(key), key);
        Assert.NotEmpty(held["disclaimers"]!.AsArray());
        Assert.Equal((string?)held["reviewId"], (string?)held["outreachId"]);
        Assert.Empty(_host.OutboxFiles("email"));

        var record = Assert.Single((await _host.EvidenceAsync(leadId))["records"]!.AsArray())!;
        Assert.Equal("review", (string?)record["decision"]);
        var view = await _host.LeadAsync(leadId);
        Assert.Empty(view["outreach"]!.AsArray());
        Assert.Contains(view["timeline"]!.AsArray(), e => (string?)e!["kind"] == "outreach_held");

        var queue = (await _carl.Http.GetFromJsonAsync<List<JsonObject>>("/api/v1/reviews"))!;
        var item = Assert.Single(queue, r => (string?)r["reviewId"] == (string?)held["reviewId"]);
        Assert.Equal("pending", (string?)item["status"]);
        Assert.Equal("en", (string?)item["language"]);
        Assert.Equal("email", (string?)item["channel"]);
        Assert.Equal(Urgent, (string?)item["body"]);
        Assert.Equal("Ana", (string?)item["author"]);
    }

    [Fact]
    public async Task A_compliance_officer_approves_it_and_the_email_goes_out_under_the_held_id_with_the_reviewer_in_the_evidence()
    {
        var (leadId, held) = await HeldAsync();
        var reviewId = (string)held["reviewId"]!;

        using var approved = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/approve", new { reason = "Urgency is about booking, not the outcome." });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var result = (await approved.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("approved", (string?)result["review"]!["status"]);
        Assert.Equal("Carl", (string?)result["review"]!["decidedBy"]);
        Assert.Equal("sent", (string?)result["outreach"]!["status"]);
        Assert.Equal(reviewId, (string?)result["outreach"]!["outreachId"]);
        var file = Assert.Single(_host.OutboxFiles("email"));
        Assert.Equal($"{reviewId}.eml", Path.GetFileName(file));
        Assert.Contains("before it is too late", MimeMessage.Load(file).TextBody, StringComparison.Ordinal);
        var records = (await _host.EvidenceAsync(leadId))["records"]!.AsArray();
        Assert.Equal(["review", "cleared"], records.Select(r => (string?)r!["decision"]));
        Assert.Equal("Carl", (string?)records[1]!["reviewer"]);
        Assert.Equal(reviewId, (string?)records[1]!["reviewId"]);
        Assert.Equal(reviewId, (string?)records[1]!["outreachId"]);
        var view = await _host.LeadAsync(leadId);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string?)e!["kind"] == "review_approved" && (string?)e["actor"] == "Carl"
            && ((string?)e["summary"])!.Contains("Urgency is about booking", StringComparison.Ordinal));

        using var again = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(_host.OutboxFiles("email"));
    }

    [Fact]
    public async Task Edit_and_approve_sends_the_reviewers_wording_and_keeps_both_texts()
    {
        var (leadId, held) = await HeldAsync();
        var reviewId = (string)held["reviewId"]!;
        const string Reworded = "Hello Maria, whenever you are ready, we can book a consultation to answer your questions.";

        using var missing = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/edit-and-approve", new { subject = "Your consultation" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var approved = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/edit-and-approve",
            new { subject = "Your consultation", body = Reworded, reason = "Removed the pressure." });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var text = MimeMessage.Load(Assert.Single(_host.OutboxFiles("email"))).TextBody;
        Assert.Contains(Reworded, text, StringComparison.Ordinal);
        Assert.DoesNotContain("too late", text, StringComparison.Ordinal);
        var review = (await _carl.Http.GetFromJsonAsync<JsonObject>($"/api/v1/reviews/{reviewId}"))!;
        Assert.Equal(Urgent, (string?)review["body"]);
        Assert.Equal(Reworded, (string?)review["editedBody"]);
        Assert.Equal("approved", (string?)review["status"]);
        Assert.Equal("Carl", (string?)(await _host.EvidenceAsync(leadId))["records"]!.AsArray()[^1]!["reviewer"]);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_sends_nothing_and_shows_the_reason_on_the_lead()
    {
        var (leadId, held) = await HeldAsync();
        var reviewId = (string)held["reviewId"]!;

        using var noReason = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("reason"));
        using var rejected = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/reject", new { reason = "Do not pressure patients; offer a call instead." });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("rejected", (string?)(await rejected.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Empty(_host.OutboxFiles("email"));
        var entry = Assert.Single((await _host.LeadAsync(leadId))["timeline"]!.AsArray(), e => (string?)e!["kind"] == "review_rejected")!;
        Assert.Equal("Carl", (string?)entry["actor"]);
        Assert.Contains("offer a call instead", (string?)entry["summary"], StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}"));
        Assert.Contains("Do not pressure patients; offer a call instead.", page, StringComparison.Ordinal);
        Assert.Contains("Rejected", page, StringComparison.Ordinal);
        Assert.Contains($"compose?channel=email&review={reviewId}", page, StringComparison.Ordinal); // escaped once, not twice
        var again = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel=email&review={reviewId}"));
        Assert.Contains(Urgent, again, StringComparison.Ordinal); // the coordinator starts again from the returned text

        using var approveAfter = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, approveAfter.StatusCode);
        Assert.Empty(_host.OutboxFiles("email"));
        Assert.DoesNotContain((await _carl.Http.GetFromJsonAsync<List<JsonObject>>("/api/v1/reviews"))!, r => (string?)r["reviewId"] == reviewId);
    }

    [Fact]
    public async Task An_approval_after_the_lead_opted_out_is_blocked_says_why_and_sends_nothing()
    {
        var (leadId, held) = await HeldAsync();
        var reviewId = (string)held["reviewId"]!;
        using (var optOut = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/opt-outs", new { channel = "email", coordinator = "Ana" }))
        {
            Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        }

        using var approved = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/approve", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, approved.StatusCode);
        var problem = (await approved.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("blocked", (string?)problem["decision"]);
        Assert.Contains(problem["findings"]!.AsArray(), f => (string?)f!["rule"] == ComplianceRules.OptedOut);
        Assert.Equal("blocked", (string?)problem["review"]!["status"]);
        Assert.NotEmpty(problem["review"]!["blockedReasons"]!.AsArray());
        Assert.Empty(_host.OutboxFiles("email"));
        var records = (await _host.EvidenceAsync(leadId))["records"]!.AsArray();
        Assert.Equal(["review", "blocked"], records.Select(r => (string?)r!["decision"]));
        Assert.Equal("Carl", (string?)records[1]!["reviewer"]);
        Assert.Contains((await _host.LeadAsync(leadId))["timeline"]!.AsArray(), e => (string?)e!["kind"] == "review_blocked");
    }

    [Fact]
    public async Task A_text_approved_during_the_leads_quiet_hours_stays_in_the_queue_and_goes_once_they_are_over()
    {
        var (leadId, held) = await HeldAsync(channel: "sms");
        var reviewId = (string)held["reviewId"]!;
        _time.Advance(TimeSpan.FromHours(11)); // 21:00 or 22:00 in San Francisco

        using (var night = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password))
        using (var approved = await night.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/approve", new { }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, approved.StatusCode);
            var problem = (await approved.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains(problem["findings"]!.AsArray(), f => (string?)f!["rule"] == ComplianceRules.QuietHours);
            Assert.Equal("pending", (string?)problem["review"]!["status"]);
            var next = DateTimeOffset.Parse((string)problem["nextAllowedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Empty(_host.OutboxFiles("sms"));
            _time.Advance(next - _time.GetUtcNow() + TimeSpan.FromMinutes(1));
        }

        using var morning = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password);
        using var again = await morning.Http.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal($"{reviewId}.json", Path.GetFileName(Assert.Single(_host.OutboxFiles("sms"))));
        Assert.Equal(["review", "blocked", "cleared"], (await _host.EvidenceAsync(leadId))["records"]!.AsArray().Select(r => (string?)r!["decision"]));
    }

    [Fact]
    public async Task A_blocked_draft_answers_422_with_the_same_decision_and_findings_and_is_not_queued()
    {
        var lead = await _host.SubmittedAsync();
        using var response = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach",
            new { channel = "email", subject = "News", body = "Our therapy cures spondylolysis, book before it is too late." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("blocked", (string?)problem["decision"]);
        var findings = problem["findings"]!.AsArray();
        Assert.Contains(findings, f => (string?)f!["severity"] == "block" && (string?)f["match"] == "cures");
        Assert.Contains(findings, f => (string?)f!["severity"] == "review" && (string?)f["match"] == "before it is too late");
        Assert.DoesNotContain((await _carl.Http.GetFromJsonAsync<List<JsonObject>>("/api/v1/reviews?status=all"))!, r => (Guid)r["leadId"]! == lead.LeadId);
    }

    [Fact]
    public async Task The_preview_says_review_with_the_findings_and_the_live_check_does_not_hold_anything()
    {
        var lead = await _host.SubmittedAsync();
        using var check = await _ana.Http.PostAsJsonAsync("/api/v1/compliance/check", new { leadId = lead.LeadId, channel = "email", subject = "Hello", body = Urgent });

        var result = (await check.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("review", (string?)result["decision"]);
        Assert.Equal("before it is too late", (string?)Assert.Single(result["findings"]!.AsArray())!["match"]);
        Assert.DoesNotContain((await _carl.Http.GetFromJsonAsync<List<JsonObject>>("/api/v1/reviews?status=all"))!, r => (Guid)r["leadId"]! == lead.LeadId);
    }

    [Fact]
    public async Task The_dashboard_review_page_shows_the_marked_text_source_and_exemplar_and_approving_there_sends_it()
    {
        var (leadId, held) = await HeldAsync();
        var reviewId = (string)held["reviewId"]!;

        var queue = WebUtility.HtmlDecode(await _carl.Http.GetStringAsync("/dashboard/reviews"));
        Assert.Contains($"/dashboard/reviews/{reviewId}", queue, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await _carl.Http.GetStringAsync($"/dashboard/reviews/{reviewId}"));
        Assert.Matches("<mark class=\"review\"[^>]*>before it is too late</mark>", page);
        var finding = held["findings"]!.AsArray()[0]!;
        if ((string?)finding["source"] is { } source) Assert.Contains(source, page, StringComparison.Ordinal);
        if ((string?)finding["exemplar"] is { } exemplar) Assert.Contains(exemplar, page, StringComparison.Ordinal);

        using var approve = await _carl.PostFormAsync($"/dashboard/reviews/{reviewId}/approve", new() { ["reason"] = "fine" }, $"/dashboard/reviews/{reviewId}");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Single(_host.OutboxFiles("email"));
        var lead = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}"));
        Assert.Contains("Approved after review by", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_the_lead_erases_its_held_messages_and_takes_them_out_of_the_queue()
    {
        var (leadId, held) = await HeldAsync();
        var reviewId = (string)held["reviewId"]!;

        await _host.Host.App.Services.GetRequiredService<MassTransit.Mediator.IMediator>().Publish(
            new LeadPlatform.Contracts.LeadErasureRequested { LeadId = leadId, OccurredAt = DateTimeOffset.UtcNow, ErasureId = Guid.NewGuid() });

        var review = await Eventually.GetAsync(() => _carl.Http.GetFromJsonAsync<JsonObject>($"/api/v1/reviews/{reviewId}"), r => (string?)r!["status"] == "rejected", what: "the erased review");
        Assert.DoesNotContain("Maria", (string?)review!["body"], StringComparison.Ordinal);
        Assert.Null(review["findings"]!.AsArray()[0]!["match"]);
        Assert.DoesNotContain((await _carl.Http.GetFromJsonAsync<List<JsonObject>>("/api/v1/reviews"))!, r => (string?)r["reviewId"] == reviewId);
    }

    [Fact]
    public async Task Compose_shows_a_held_message_as_sent_for_review_with_the_reason()
    {
        var lead = await _host.SubmittedAsync();
        using var response = await _ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/compose",
            new() { ["channel"] = "email", ["subject"] = "Your consultation", ["body"] = Urgent }, $"/dashboard/leads/{lead.LeadId}/compose?channel=email");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Sent for review.", page, StringComparison.Ordinal);
        Assert.Contains("“before it is too late”", page, StringComparison.Ordinal);
        Assert.Empty(_host.OutboxFiles("email"));
        Assert.Single((await _carl.Http.GetFromJsonAsync<List<JsonObject>>("/api/v1/reviews"))!, r => (Guid)r["leadId"]! == lead.LeadId);
    }
}
