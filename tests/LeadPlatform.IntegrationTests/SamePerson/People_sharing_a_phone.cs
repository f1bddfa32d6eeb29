using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LeadPlatform.IntegrationTests.SamePerson;

/// <summary>
/// Different people who share a phone (a parent and a teenager) or an email (a couple): separate leads, each decided on
/// its own facts, linked as "possible same person" for a coordinator, and nothing of one written over the other.
/// </summary>
public sealed class People_sharing_a_phone : IAsyncLifetime
{
    private ClinicHost _clinic = null!;

    public async ValueTask InitializeAsync() => _clinic = await ClinicHost.StartAsync();

    public async ValueTask DisposeAsync() => await _clinic.DisposeAsync();

    [Fact]
    public async Task A_parent_and_a_teenager_are_two_leads_the_adult_qualified_and_the_minor_not_linked_on_both_pages_and_in_the_queue()
    {
        var phone = People.Phone(31);
        var parent = await _clinic.SubmitAsync(People.Request("Ana", "Ruiz", "ana.ruiz@fastmail.com", phone, People.Adult, "My lower back hurts after work."));
        await _clinic.LeadWhenAsync(parent, l => l["tasks"]!.AsArray().Count == 1, "the parent's task");

        var teen = await _clinic.SubmitAsync(People.Request("Leo", "Ruiz", "leo.ruiz@fastmail.com", phone, People.Minor, "Football injury, my back."));

        Assert.NotEqual(parent, teen);
        var minor = await _clinic.LeadWhenAsync(teen, l => (string?)l["status"] == "not_eligible", "the minor to be not eligible");
        Assert.Empty(minor["tasks"]!.AsArray());
        Assert.Equal("leo.ruiz@fastmail.com", (string?)minor["email"]);
        var link = Assert.Single(minor["possibleSamePeople"]!.AsArray())!;
        Assert.Equal((parent.ToString(), "open"), ((string?)link["leadId"], (string?)link["status"]));
        Assert.Equal(["phone"], link["matched"]!.AsArray().Select(m => (string)m!));

        var adult = await _clinic.LeadWhenAsync(parent, l => l["possibleSamePeople"]!.AsArray().Count == 1, "the link on the parent's lead");
        Assert.Equal(teen.ToString(), (string?)adult["possibleSamePeople"]![0]!["leadId"]);
        Assert.Equal(("new", "Ana Ruiz", "ana.ruiz@fastmail.com"), ((string?)adult["status"], (string?)adult["name"], (string?)adult["email"]));
        Assert.Single(adult["tasks"]!.AsArray());
        Assert.Single(adult["submissions"]!.AsArray());
        Assert.DoesNotContain(adult["timeline"]!.AsArray(), e => (string?)e!["kind"] == "disqualified");

        // Coordinators see it: the queue row and both lead pages.
        var queue = (await _clinic.Api.GetFromJsonAsync<JsonArray>("/api/v1/tasks"))!;
        Assert.Equal(1, (int)queue.Single(t => (string?)t!["leadId"] == parent.ToString())!["possibleSamePeople"]!);
        Assert.Contains("Possible same person", await _clinic.Api.GetStringAsync("/dashboard"), StringComparison.Ordinal);
        var parentPage = await _clinic.Api.GetStringAsync($"/dashboard/leads/{parent}");
        var teenPage = await _clinic.Api.GetStringAsync($"/dashboard/leads/{teen}");
        Assert.Contains($"href=\"/dashboard/leads/{teen}\">Leo Ruiz</a>", parentPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/dashboard/leads/{parent}\">Ana Ruiz</a>", teenPage, StringComparison.Ordinal);
        Assert.Contains("same phone number", parentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Football injury", parentPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_email_with_another_name_is_a_new_lead_linked_by_email_and_the_first_keeps_its_details()
    {
        var first = await _clinic.SubmitAsync(People.Request("Maria", "Lopez", "family.lopez@fastmail.com", null, "1990-04-12", "Mine: lower back."));
        var second = await _clinic.SubmitAsync(People.Request("Mario", "Lopez", "family.lopez@fastmail.com", null, "1988-07-01", "Mine: neck."));
        // The same name and email but another date of birth is not certain either.
        var third = await _clinic.SubmitAsync(People.Request("Maria", "Lopez", "family.lopez@fastmail.com", null, "1991-04-12", "Hip."));

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        var mario = (await _clinic.LeadAsync(second))!;
        Assert.Equal(("Mario Lopez", "Mine: neck."), ((string?)mario["name"], (string?)mario["submissions"]![0]!["inquiry"]!["message"]));
        Assert.Equal(["email"], mario["possibleSamePeople"]![0]!["matched"]!.AsArray().Select(m => (string)m!));
        var maria = await _clinic.LeadWhenAsync(first, l => l["possibleSamePeople"]!.AsArray().Count == 2, "both links on the first lead");
        Assert.Equal(("Maria Lopez", "Mine: lower back."), ((string?)maria["name"], (string?)maria["submissions"]![0]!["inquiry"]!["message"]));
        Assert.Single(maria["submissions"]!.AsArray());
    }

    [Fact]
    public async Task A_new_lead_on_a_number_that_opted_out_of_texts_stays_opted_out_of_texts_until_START()
    {
        var phone = People.Phone(41);
        var first = await _clinic.SubmitAsync(People.Request("Sam", "Okafor", "sam.okafor@fastmail.com", phone, People.Adult, "Knee and back.", sms: true));
        await _clinic.TextFromAsync("+14155550141", "stop texting me");
        await _clinic.LeadWhenAsync(first, l => l["optOuts"]!.AsArray().Any(o => (string?)o == "sms"), "the opt-out");

        var other = await _clinic.SubmitAsync(People.Request("Samuel", "Okafor", "s.okafor@fastmail.com", phone, People.Adult, "Back.", sms: true));

        Assert.NotEqual(first, other);
        var lead = await _clinic.LeadWhenAsync(other, l => l["optOuts"]!.AsArray().Any(o => (string?)o == "sms"), "the number's opt-out on the new lead");
        Assert.Contains(lead["timeline"]!.AsArray(), e => (string?)e!["kind"] == "opted_out" && ((string?)e["summary"])!.Contains("same phone number", StringComparison.Ordinal));

        await _clinic.TextFromAsync("+14155550141", "START");
        await _clinic.LeadWhenAsync(other, l => !l["optOuts"]!.AsArray().Any(o => (string?)o == "sms"), "the opt-in of the new lead");
        await _clinic.LeadWhenAsync(first, l => !l["optOuts"]!.AsArray().Any(o => (string?)o == "sms"), "the opt-in of the first lead");
    }
}
