using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LeadPlatform.IntegrationTests.SamePerson;

/// <summary>
/// A coordinator decides about two leads that may be one person: merge them (everything of both kept, opt-outs never
/// weakened, recorded with who did it) or mark them as different people.
/// </summary>
public sealed class Merging_two_leads : IAsyncLifetime
{
    private ClinicHost _clinic = null!;

    // Per-channel opt-outs, so that each side's own opt-out can be seen surviving the merge (under the default policy
    // every opt-out is of every channel, which a merge keeps just the same).
    public async ValueTask InitializeAsync() => _clinic = await ClinicHost.StartAsync("--FollowUp:OptOutRevokesAllChannels=false");

    public async ValueTask DisposeAsync() => await _clinic.DisposeAsync();

    private async Task<(Guid Kept, Guid Other)> TwoLeadsOfOnePhoneAsync(string phone, string otherEmail = "m.lopez.garcia@fastmail.com")
    {
        var kept = await _clinic.SubmitAsync(People.Request("Maria", "Lopez", "maria.lopez@fastmail.com", phone, "1990-04-12", "First: lower back, 8 months."));
        await _clinic.LeadWhenAsync(kept, l => l["tasks"]!.AsArray().Count == 1, "the first lead's task");
        var other = await _clinic.SubmitAsync(People.Request("Maria", "Lopez Garcia", otherEmail, phone, "1990-04-12", "Second: it spreads to my leg now."));
        await _clinic.LeadWhenAsync(kept, l => l["possibleSamePeople"]!.AsArray().Count == 1, "the link on the first lead");
        await _clinic.LeadWhenAsync(other, l => l["outreach"]!.AsArray().Count == 1, "the second lead's acknowledgement");
        return (kept, other);
    }

    [Fact]
    public async Task A_merge_keeps_every_submission_and_consent_record_keeps_the_opt_outs_of_both_and_routes_the_merged_lead_to_the_survivor()
    {
        var (kept, other) = await TwoLeadsOfOnePhoneAsync(People.Phone(51));
        using (var optOut = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{other}/opt-outs", new { channel = "email", coordinator = "Ana" }))
            Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);

        using var merged = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{kept}/merge", new { otherLeadId = other });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var lead = (await merged.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["First: lower back, 8 months.", "Second: it spreads to my leg now."],
            lead["submissions"]!.AsArray().Select(s => (string?)s!["inquiry"]!["message"]));
        Assert.Equal(6, lead["consentHistory"]!.AsArray().Count);
        Assert.Contains("email", lead["optOuts"]!.AsArray().Select(o => (string?)o)); // the other side's opt-out survives
        Assert.Equal(("maria.lopez@fastmail.com", "Maria Lopez"), ((string?)lead["email"], (string?)lead["name"])); // on file: the survivor's
        Assert.Equal("merged", (string?)lead["possibleSamePeople"]![0]!["status"]);
        var entry = lead["timeline"]!.AsArray().Single(e => (string?)e!["kind"] == "merged")!;
        Assert.Equal("api:tests", (string?)entry["actor"]);
        Assert.Single(lead["tasks"]!.AsArray(), t => (string?)t!["status"] == "open");
        Assert.Equal(2, lead["outreach"]!.AsArray().Count(o => (string?)o!["kind"] == "acknowledgement"));

        var gone = (await _clinic.LeadAsync(other))!;
        Assert.Equal(kept.ToString(), (string?)gone["mergedInto"]);
        Assert.Null(gone["email"]);
        Assert.Contains(gone["timeline"]!.AsArray(), e => (string?)e!["kind"] == "merged_into" && (string?)e["actor"] == "api:tests");
        Assert.DoesNotContain((await _clinic.Api.GetFromJsonAsync<JsonArray>("/api/v1/tasks"))!, t => (string?)t!["leadId"] == other.ToString());
        // The merge is in both leads' hash-chained evidence, with who decided and the other lead, and both chains verify.
        await AssertEvidenceAsync(kept, "merged", other, "api:tests");
        await AssertEvidenceAsync(other, "merged_into", kept, "api:tests");

        // Later events for the merged lead reach the survivor: an opt-out recorded on it, and the person writing again.
        using (var optOut = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{other}/opt-outs", new { channel = "phone", coordinator = "Ana" }))
            Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        await _clinic.LeadWhenAsync(kept, l => l["optOuts"]!.AsArray().Any(o => (string?)o == "phone"), "the merged lead's opt-out on the survivor");
        var again = await _clinic.SubmitAsync(People.Request("Maria", "Lopez Garcia", "m.lopez.garcia@fastmail.com", People.Phone(51), "1990-04-12", "Third: any news?"));
        Assert.Equal(kept, again);
        lead = await _clinic.LeadWhenAsync(kept, l => l["submissions"]!.AsArray().Count == 3, "the third submission on the survivor");
        Assert.Contains("email", lead["optOuts"]!.AsArray().Select(o => (string?)o)); // a submission never reverses it

        using var twice = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{other}/merge", new { otherLeadId = kept });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Different_people_are_kept_apart_the_link_dismissed_on_both_leads_with_who_decided()
    {
        var (first, second) = await TwoLeadsOfOnePhoneAsync(People.Phone(61));

        using var response = await _clinic.Api.PostAsync($"/api/v1/leads/{first}/links/{second}/keep-apart", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in new[] { first, second })
        {
            var lead = (await _clinic.LeadAsync(id))!;
            var link = Assert.Single(lead["possibleSamePeople"]!.AsArray())!;
            Assert.Equal(("kept_apart", "api:tests"), ((string?)link["status"], (string?)link["decidedBy"]));
            Assert.Contains(lead["timeline"]!.AsArray(), e => (string?)e!["kind"] == "kept_apart" && (string?)e["actor"] == "api:tests");
            Assert.Null(lead["mergedInto"]);
        }
        var queue = (await _clinic.Api.GetFromJsonAsync<JsonArray>("/api/v1/tasks"))!;
        Assert.All(queue, t => Assert.Equal(0, (int)t!["possibleSamePeople"]!));
        using var unknown = await _clinic.Api.PostAsync($"/api/v1/leads/{first}/links/{Guid.NewGuid()}/keep-apart", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_merges_with_the_button_on_the_lead_page_and_a_forged_post_changes_nothing()
    {
        var (kept, other) = await TwoLeadsOfOnePhoneAsync(People.Phone(71));
        await _clinic.SignInCoordinatorAsync("ana@clinic.example", "Ana");
        var page = await _clinic.Browser.GetStringAsync($"/dashboard/leads/{kept}");
        Assert.Contains("Same person: merge into this lead", page, StringComparison.Ordinal);
        Assert.Contains("Different people", page, StringComparison.Ordinal);

        using (var forged = await _clinic.Browser.PostAsync($"/dashboard/leads/{kept}/merge", new FormUrlEncodedContent(new Dictionary<string, string> { ["otherLeadId"] = other.ToString() })))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await _clinic.LeadAsync(other))!["mergedInto"]);

        using var posted = await _clinic.PostFormAsync($"/dashboard/leads/{kept}/merge", new() { ["otherLeadId"] = other.ToString() }, $"/dashboard/leads/{kept}");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var lead = (await _clinic.LeadAsync(kept))!;
        Assert.Equal("Ana", (string?)lead["timeline"]!.AsArray().Single(e => (string?)e!["kind"] == "merged")!["actor"]);
        page = await _clinic.Browser.GetStringAsync($"/dashboard/leads/{kept}?notice=merged");
        Assert.Contains("Submissions (2)", page, StringComparison.Ordinal);
        Assert.Contains("Merged — by Ana", page, StringComparison.Ordinal);
        Assert.Contains("merged into", await _clinic.Browser.GetStringAsync($"/dashboard/leads/{other}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmerge_gives_the_other_lead_back_its_own_submissions_and_details_keeps_every_opt_out_on_both_and_names_who_unmerged()
    {
        var (kept, other) = await TwoLeadsOfOnePhoneAsync(People.Phone(81));
        using (var optOut = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{other}/opt-outs", new { channel = "email", coordinator = "Ana" }))
            Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        using (var optOut = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{kept}/opt-outs", new { channel = "phone", coordinator = "Ana" }))
            Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        using (var merged = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{kept}/merge", new { otherLeadId = other }))
            Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        await _clinic.SignInCoordinatorAsync("ana@clinic.example", "Ana");
        var page = await _clinic.Browser.GetStringAsync($"/dashboard/leads/{kept}");
        Assert.Contains("Not the same person: unmerge", page, StringComparison.Ordinal);
        using (var forged = await _clinic.Browser.PostAsync($"/dashboard/leads/{kept}/unmerge", new FormUrlEncodedContent(new Dictionary<string, string> { ["otherLeadId"] = other.ToString() })))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(kept.ToString(), (string?)(await _clinic.LeadAsync(other))!["mergedInto"]);

        using var posted = await _clinic.PostFormAsync($"/dashboard/leads/{kept}/unmerge", new() { ["otherLeadId"] = other.ToString() }, $"/dashboard/leads/{kept}");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var survivor = (await _clinic.LeadAsync(kept))!;
        var back = (await _clinic.LeadAsync(other))!;
        Assert.Null(back["mergedInto"]);
        Assert.Empty(survivor["mergedFrom"]!.AsArray());
        Assert.Equal(["First: lower back, 8 months."], survivor["submissions"]!.AsArray().Select(s => (string?)s!["inquiry"]!["message"]));
        Assert.Equal(["Second: it spreads to my leg now."], back["submissions"]!.AsArray().Select(s => (string?)s!["inquiry"]!["message"]));
        Assert.Equal(("maria.lopez@fastmail.com", "Maria Lopez"), ((string?)survivor["email"], (string?)survivor["name"]));
        Assert.Equal(("m.lopez.garcia@fastmail.com", "Maria Lopez Garcia"), ((string?)back["email"], (string?)back["name"]));
        Assert.Equal("+14155550181", (string?)back["phone"]);
        Assert.All(survivor["consentHistory"]!.AsArray(), r => Assert.Equal(kept.ToString(), (string?)r!["leadId"]));
        Assert.All(back["consentHistory"]!.AsArray(), r => Assert.Equal(other.ToString(), (string?)r!["leadId"]));
        Assert.Equal(3, back["consentHistory"]!.AsArray().Count);
        foreach (var lead in new[] { survivor, back })
        {
            // Opt-outs are never weakened: the opt-out of either side is on both.
            Assert.Superset(new HashSet<string?> { "email", "phone" }, lead["optOuts"]!.AsArray().Select(o => (string?)o).ToHashSet());
            Assert.Contains(lead["timeline"]!.AsArray(), e => (string?)e!["kind"] == "unmerged" && (string?)e["actor"] == "Ana");
            var link = Assert.Single(lead["possibleSamePeople"]!.AsArray())!;
            Assert.Equal(("kept_apart", "Ana"), ((string?)link["status"], (string?)link["decidedBy"]));
            Assert.Single(lead["tasks"]!.AsArray(), t => (string?)t!["status"] == "open");
            Assert.Single(lead["outreach"]!.AsArray(), o => (string?)o!["kind"] == "acknowledgement");
        }
        Assert.Contains(back["timeline"]!.AsArray(), e => (string?)e!["kind"] == "submitted");
        await AssertEvidenceAsync(kept, "unmerged", other, "Ana");
        await AssertEvidenceAsync(other, "unmerged", kept, "Ana");
        Assert.DoesNotContain(survivor["timeline"]!.AsArray(), e => e!["details"]?["fromLeadId"] is not null);
        Assert.Contains((await _clinic.Api.GetFromJsonAsync<JsonArray>("/api/v1/tasks"))!, t => (string?)t!["leadId"] == other.ToString());
        page = await _clinic.Browser.GetStringAsync($"/dashboard/leads/{kept}?notice=unmerged");
        Assert.DoesNotContain("Same person: merge into this lead", page, StringComparison.Ordinal); // not offered again
        Assert.Contains("Different people — by Ana", page, StringComparison.Ordinal);

        using (var again = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{kept}/unmerge", new { otherLeadId = other }))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // a repeated click changes nothing
        using (var unknown = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{kept}/unmerge", new { otherLeadId = Guid.NewGuid() }))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var missing = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{kept}/unmerge", new { }))
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    private async Task AssertEvidenceAsync(Guid leadId, string decision, Guid otherLeadId, string author)
    {
        var evidence = (await _clinic.Api.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}/evidence"))!;
        Assert.True((bool)evidence["verification"]!["isIntact"]!, $"the evidence chain of lead {leadId} verifies");
        Assert.Contains(evidence["records"]!.AsArray(), r => (string?)r!["decision"] == decision && (string?)r["channel"] == "lead"
            && (string?)r["relatedLeadId"] == otherLeadId.ToString() && (string?)r["author"] == author);
    }
}
