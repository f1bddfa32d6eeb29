using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// The compose page lets a coordinator type as much as the server accepts, and no more: its <c>maxlength</c> is the
/// channel's limit (<see cref="ChannelPolicy.BodyMaxCharacters"/>), which the server enforces. It allowed 20,000
/// characters of an email the server refuses above 5,000.
/// </summary>
public sealed partial class Limiting_a_message_to_what_the_server_accepts : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours());
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        _ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("email")]
    [InlineData("sms")]
    public async Task The_compose_pages_maxlength_is_the_limit_the_server_enforces(string channel)
    {
        Assert.True(ChannelPolicy.TryParse(channel, out var policy));
        var leadId = (await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent)).LeadId;

        var page = await Eventually.GetAsync(() => _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel={channel}"),
            p => p.Contains("id=\"body\"", StringComparison.Ordinal), what: "the compose page");

        var maxlength = int.Parse(BodyMaxLength().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(policy.BodyMaxCharacters, maxlength);
        if (policy.HasSubject) Assert.Equal(policy.SubjectMaxCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture), SubjectMaxLength().Match(page).Groups[1].Value);
        else Assert.DoesNotMatch(SubjectMaxLength(), page);

        using var atTheLimit = await _host.SendAsync(leadId, channel, new string('a', maxlength), policy.HasSubject ? "Your questions" : null);
        Assert.NotEqual(HttpStatusCode.BadRequest, atTheLimit.StatusCode);

        using var over = await _host.SendAsync(leadId, channel, new string('a', maxlength + 1), policy.HasSubject ? "Your questions" : null);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        var problem = (await over.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["body"], errors.Select(e => e.Key));
        Assert.Contains($"at most {maxlength}", (string?)errors["body"]![0], StringComparison.Ordinal);
    }

    [GeneratedRegex("<textarea id=\"body\"[^>]*maxlength=\"(\\d+)\"")]
    private static partial Regex BodyMaxLength();

    [GeneratedRegex("<input id=\"subject\"[^>]*maxlength=\"(\\d+)\"")]
    private static partial Regex SubjectMaxLength();
}
