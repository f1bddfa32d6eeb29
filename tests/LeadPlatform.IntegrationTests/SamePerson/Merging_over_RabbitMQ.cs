using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests.SamePerson;

/// <summary>
/// The distributed shape: three hosts over a real RabbitMQ broker. A merge in follow-up reaches intake and qualification
/// (<c>LeadsMerged</c>, each on its own queue): qualification's decisions move to the surviving lead, and intake files the
/// merged-away person's next request under the survivor.
/// </summary>
public sealed class Merging_over_RabbitMQ(RabbitMqFixture rabbit)
{
    [Fact]
    public async Task A_merge_reaches_intake_and_qualification_and_the_person_s_next_request_is_filed_under_the_surviving_lead()
    {
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());
        var phone = "+1 415 555 0191";
        var kept = await SubmitAsync(services, People.Request("Maria", "Lopez", "maria.lopez@fastmail.com", phone, "1990-04-12", "First."));
        await LeadWhenAsync(services, kept, l => l["tasks"]!.AsArray().Count == 1, "the first lead's task");
        var other = await SubmitAsync(services, People.Request("Maria", "Lopez Garcia", "m.garcia@fastmail.com", phone, "1990-04-12", "Second."));
        Assert.NotEqual(kept, other);
        await LeadWhenAsync(services, kept, l => l["possibleSamePeople"]!.AsArray().Count == 1, "the link on the first lead");
        await LeadWhenAsync(services, other, l => l["submissions"]!.AsArray().Any(s => s!["decision"] is not null), "the second lead's decision");

        using var merged = await services.FollowUp.Http.PostAsJsonAsync($"/api/v1/leads/{kept}/merge", new { otherLeadId = other });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        // Qualification: both decisions are the survivor's now.
        await Eventually.GetAsync(() => services.Qualification.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{kept}"),
            d => d?.Count == 2, TimeSpan.FromSeconds(30), "qualification to move the merged lead's decision");

        // Intake: the merged-away person writes again and is filed under the survivor (not routed there by follow-up).
        var filedUnder = await Eventually.GetAsync(async () =>
        {
            var message = $"Again {Guid.NewGuid():N}";
            var lead = await SubmitAsync(services, People.Request("Maria", "Lopez Garcia", "m.garcia@fastmail.com", phone, "1990-04-12", message));
            var survivor = await LeadWhenAsync(services, lead, l => l["submissions"]!.AsArray().Any(s => (string?)s!["inquiry"]!["message"] == message), "the new request");
            return (string?)survivor["submissions"]!.AsArray().Single(s => (string?)s!["inquiry"]!["message"] == message)!["leadId"];
        }, id => id == kept.ToString(), TimeSpan.FromSeconds(30), "intake to file the request under the surviving lead");
        Assert.Equal(kept.ToString(), filedUnder);
    }

    [Fact]
    public async Task An_unmerge_gives_the_restored_lead_its_decisions_and_requests_back_in_qualification_and_intake()
    {
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());
        var phone = "+1 415 555 0192";
        var kept = await SubmitAsync(services, People.Request("Ana", "Souza", "ana.souza@fastmail.com", phone, "1985-02-03", "First."));
        await LeadWhenAsync(services, kept, l => l["tasks"]!.AsArray().Count == 1, "the first lead's task");
        var other = await SubmitAsync(services, People.Request("Bia", "Souza", "bia.souza@fastmail.com", phone, "2001-07-09", "Second."));
        Assert.NotEqual(kept, other);
        await LeadWhenAsync(services, other, l => l["submissions"]!.AsArray().Any(s => s!["decision"] is not null), "the second lead's decision");
        using (var merged = await services.FollowUp.Http.PostAsJsonAsync($"/api/v1/leads/{kept}/merge", new { otherLeadId = other }))
            Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        await Eventually.GetAsync(() => services.Qualification.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{kept}"),
            d => d?.Count == 2, TimeSpan.FromSeconds(30), "qualification to move the merged lead's decision");

        // A different person after all.
        using (var unmerged = await services.FollowUp.Http.PostAsJsonAsync($"/api/v1/leads/{kept}/unmerge", new { otherLeadId = other }))
            Assert.Equal(HttpStatusCode.OK, unmerged.StatusCode);

        // Qualification: each lead has its own decision again (an erasure of either reaches only its own).
        await Eventually.GetAsync(() => services.Qualification.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{other}"),
            d => d?.Count == 1, TimeSpan.FromSeconds(30), "qualification to give the restored lead its decision back");
        Assert.Single((await services.Qualification.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{kept}"))!);

        // Intake: the restored person writes again and is filed under their own lead, not the former survivor.
        var filedUnder = await Eventually.GetAsync(async () =>
        {
            var message = $"Again {Guid.NewGuid():N}";
            using var response = await services.Intake.Http.PostAsJsonAsync("/api/v1/quote-requests",
                People.Request("Bia", "Souza", "bia.souza@fastmail.com", phone, "2001-07-09", message));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var quoteRequestId = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["quoteRequestId"]!;
            var lead = await Eventually.GetAsync(async () =>
            {
                using var lookup = await services.FollowUp.Http.GetAsync($"/api/v1/leads?quoteRequestId={quoteRequestId}");
                if (!lookup.IsSuccessStatusCode) return null;
                var json = await lookup.Content.ReadFromJsonAsync<JsonNode>();
                return json is JsonArray list ? (string?)list.FirstOrDefault()?["leadId"] : (string?)json?["leadId"];
            }, id => id is not null, TimeSpan.FromSeconds(30), "follow-up to know the request");
            return lead;
        }, id => id == other.ToString(), TimeSpan.FromSeconds(30), "intake to file the request under the restored lead");
        Assert.Equal(other.ToString(), filedUnder);
    }

    private static async Task<Guid> SubmitAsync(DistributedServices services, JsonObject request)
    {
        using var response = await services.Intake.Http.PostAsJsonAsync("/api/v1/quote-requests", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var quoteRequestId = (string)body["quoteRequestId"]!;
        if ((string?)body["leadId"] is { } answered) return await CurrentAsync(services, Guid.Parse(answered), quoteRequestId);
        // Where the public answer names no lead, the clinic's integration asks follow-up.
        var found = await Eventually.GetAsync(async () =>
        {
            using var lookup = await services.FollowUp.Http.GetAsync($"/api/v1/leads?quoteRequestId={quoteRequestId}");
            if (!lookup.IsSuccessStatusCode) return null;
            var json = await lookup.Content.ReadFromJsonAsync<JsonNode>();
            return json is JsonArray list ? (string?)list.FirstOrDefault()?["leadId"] : (string?)json?["leadId"];
        }, id => id is not null, TimeSpan.FromSeconds(30), "follow-up to know the request");
        return await CurrentAsync(services, Guid.Parse(found!), quoteRequestId);
    }

    /// <summary>The lead that shows the request (the survivor, for a request filed under a merged lead).</summary>
    private static async Task<Guid> CurrentAsync(DistributedServices services, Guid leadId, string quoteRequestId)
    {
        var lead = await LeadWhenAsync(services, leadId, l => l["mergedInto"] is not null
            || l["submissions"]!.AsArray().Any(s => (string?)s!["quoteRequestId"] == quoteRequestId), "follow-up to show the request");
        return lead["mergedInto"] is { } survivor ? Guid.Parse((string)survivor!) : leadId;
    }

    private static Task<JsonObject> LeadWhenAsync(DistributedServices services, Guid leadId, Func<JsonObject, bool> done, string what) =>
        Eventually.GetAsync(async () =>
        {
            using var response = await services.FollowUp.Http.GetAsync($"/api/v1/leads/{leadId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        }, l => l is not null && done(l), TimeSpan.FromSeconds(30), what)!;
}
