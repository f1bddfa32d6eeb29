using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>A lead known to be under 18 gets no outreach from a coordinator; the gate names the reason.</summary>
public sealed class Contacting_a_minor : IAsyncLifetime
{
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours());

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("email")]
    [InlineData("sms")]
    public async Task Outreach_to_a_sixteen_year_old_is_blocked_with_the_reason(string channel)
    {
        var lead = await _host.SubmittedAsync(s => OutreachHost.WithSmsAndPhoneConsent(s) with { Person = s.Person with { DateOfBirth = null, Age = 16 } });

        using var response = await _host.SendAsync(lead.LeadId, channel, "We received your request and will call you.", "Your request");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var violations = (await response.Content.ReadFromJsonAsync<JsonObject>())!["violations"]!.AsArray();
        var minor = Assert.Single(violations, v => (string?)v!["rule"] == ComplianceRules.Minor);
        Assert.Contains("under 18", (string?)minor!["advice"], StringComparison.Ordinal);
        Assert.Empty(_host.OutboxFiles(channel));
    }

    [Fact]
    public async Task An_adult_with_a_date_of_birth_is_not_blocked()
    {
        var lead = await _host.SubmittedAsync(s => s with { Person = s.Person with { DateOfBirth = new DateOnly(1990, 4, 12), Age = null } });

        using var response = await _host.SendAsync(lead.LeadId, "email", "We received your request and will call you.", "Your request");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
