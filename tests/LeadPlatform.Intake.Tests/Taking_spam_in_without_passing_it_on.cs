using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Intake.Storage;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>Spam gets the ordinary answer (a bot learns nothing) but is stored as spam, never published, and logged.</summary>
public sealed class Taking_spam_in_without_passing_it_on : IAsyncLifetime
{
    private FakeSeq _seq = null!;
    private IntakeServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _seq = await FakeSeq.StartAsync();
        _server = await IntakeServer.StartAsync($"--Seq:ServerUrl={_seq.Url}", "--Seq:PeriodMs=100");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _seq.DisposeAsync();
    }

    public static TheoryData<string, string> Spam => new()
    {
        { "a filled honeypot", "honeypot" },
        { "a form sent a second after it was rendered", "too_fast" },
    };

    [Theory]
    [MemberData(nameof(Spam))]
    public async Task Is_accepted_with_202_stored_as_spam_and_never_published(string what, string reason)
    {
        var request = SampleQuoteRequest.Create();
        if (reason == "honeypot") request["website"] = "http://cheap-pills.example";
        else request["formRenderedAt"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");

        using var response = await _server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var quoteRequestId = await IntakeServer.QuoteRequestIdOf(response);
        var stored = await _server.Store.GetAsync(quoteRequestId);
        Assert.Equal(QuoteRequestStatus.Spam, stored!.Status);
        Assert.Equal(reason, stored.SpamReason);
        Assert.Empty(stored.Outbox);
        Assert.False(stored.HasPendingOutbox, what);
        using var status = await _server.GetStatusAsync(quoteRequestId);
        Assert.Equal("received", (await status.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        await Eventually.GetAsync(() => Task.FromResult(_seq.EventsWith("QuoteRequestId", quoteRequestId.ToString())),
            events => events.Any(e => FakeSeq.ValueOf(e["SpamReason"]) == reason), TimeSpan.FromSeconds(10), "the spam to be logged");
    }

    [Fact]
    public async Task A_spam_submission_is_not_linked_to_the_lead_of_the_person_it_names()
    {
        var email = $"victim+{Guid.NewGuid():N}@fastmail.com";
        using var genuine = await _server.PostJsonAsync(SampleQuoteRequest.Create(email, phone: null));
        var spam = SampleQuoteRequest.Create(email, phone: null);
        spam["website"] = "x";

        using var response = await _server.PostJsonAsync(spam);

        Assert.NotEqual(await _server.LeadIdOfAsync(await IntakeServer.QuoteRequestIdOf(genuine)),
            await _server.LeadIdOfAsync(await IntakeServer.QuoteRequestIdOf(response)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-60)]
    public async Task A_form_filled_in_at_human_speed_or_rendered_by_a_clock_running_ahead_is_not_spam(int secondsAgo)
    {
        var request = SampleQuoteRequest.Create();
        request["formRenderedAt"] = DateTimeOffset.UtcNow.AddSeconds(-secondsAgo).ToString("O");

        using var response = await _server.PostJsonAsync(request);

        var stored = await _server.Store.GetAsync((await IntakeServer.QuoteRequestIdOf(response)));
        Assert.Equal(QuoteRequestStatus.Received, stored!.Status);
        Assert.Single(stored.Outbox);
    }

    [Fact]
    public async Task Logs_never_carry_an_email_address_or_a_phone_number_in_clear()
    {
        var email = $"maria.private+{Guid.NewGuid():N}@fastmail.com";
        using var accepted = await _server.PostJsonAsync(SampleQuoteRequest.Create(email));
        var invalid = SampleQuoteRequest.Create(email);
        invalid.Remove("consent");
        using var refused = await _server.PostJsonAsync(invalid);
        var quoteRequestId = await IntakeServer.QuoteRequestIdOf(accepted);

        await Eventually.GetAsync(() => Task.FromResult(_seq.EventsWith("QuoteRequestId", quoteRequestId.ToString())), e => e.Count > 0,
            TimeSpan.FromSeconds(10), "the submission to be logged");
        await Eventually.GetAsync(() => Task.FromResult(_seq.Events.Where(e => FakeSeq.ValueOf(e["@mt"])?.Contains("rejected", StringComparison.Ordinal) == true).ToList()),
            e => e.Count > 0, TimeSpan.FromSeconds(10), "the refusal to be logged");
        var everything = string.Join("\n", _seq.Events.Select(e => e.ToJsonString()));
        Assert.DoesNotContain(email, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("4155550134", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Lopez", everything, StringComparison.Ordinal);
    }
}
