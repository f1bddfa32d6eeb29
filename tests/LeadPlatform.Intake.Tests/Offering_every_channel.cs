using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.Intake.Forms;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// Intake offers and accepts exactly the channels of the channel policy (<see cref="ChannelPolicy"/>): the form's
/// "How should we contact you?" lists each, in every language the form speaks; the API accepts each name and refuses
/// anything else, naming the field and the allowed values; the thank-you page says how the lead will be contacted.
/// </summary>
public sealed class Offering_every_channel(SharedIntake intake) : IClassFixture<SharedIntake>
{
    private IntakeServer Server => intake.Server;

    public static TheoryData<OutreachChannel> Channels() => [.. Enum.GetValues<OutreachChannel>()];

    [Fact]
    public void Every_language_of_the_form_has_words_for_every_channel()
    {
        foreach (var text in FormTexts.All)
        {
            foreach (var channel in Enum.GetValues<OutreachChannel>())
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Choice(channel)), $"{text.Language}: no choice for {channel}");
                Assert.False(string.IsNullOrWhiteSpace(text.By(channel)), $"{text.Language}: no 'by' for {channel}");
                Assert.Contains(text.By(channel), FormPages.ThankYou(text, ChannelPolicy.For(channel).Name, "soon"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_form_offers_each_channel_by_its_name()
    {
        // The hosted form needs its site's privacy notice (as Reading_the_form_in_the_patient_s_language configures it).
        await using var server = await IntakeServer.StartAsync("--Intake:Sites:hosted:ApiKey=hosted-site-key-0123456789",
            "--Intake:Sites:hosted:AllowedOrigins:0=https://hosted.example", "--Intake:Sites:hosted:PrivacyNoticeUrl=https://hosted.example/privacy");
        var page = await server.Http.GetStringAsync("/forms/hosted");

        foreach (var policy in ChannelPolicy.All)
        {
            Assert.Contains($"<option value=\"{policy.Name}\"", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Each_channel_s_name_is_accepted_as_the_preferred_channel(OutreachChannel channel)
    {
        var name = ChannelPolicy.For(channel).Name;
        var body = SampleQuoteRequest.Create();
        body["preferredChannel"] = name.ToUpperInvariant();

        using var response = await Server.PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await Server.Store.GetAsync(await IntakeServer.QuoteRequestIdOf(response));
        Assert.Equal(name, stored!.Submission.Person.PreferredChannel);
    }

    [Fact]
    public async Task Another_preferred_channel_is_refused_naming_the_field_and_the_channels()
    {
        var body = SampleQuoteRequest.Create();
        body["preferredChannel"] = "whatsapp";

        using var response = await Server.PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var message = (string?)problem["errors"]!["preferredChannel"]![0];
        Assert.Equal($"Must be one of: {ChannelPolicy.AllowedNames}.", message);
    }
}
