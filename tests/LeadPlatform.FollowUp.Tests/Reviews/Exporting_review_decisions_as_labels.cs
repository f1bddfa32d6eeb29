using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;

namespace LeadPlatform.FollowUp.Tests.Reviews;

/// <summary>
/// Issue 19, round 8: officers' review decisions as labels for the claims screen. <c>GET /api/v1/reviews/labels</c> gives the decided
/// reviews in the claims corpus's shape (<c>claims-train --labels</c> reads it): approved = honest, rejected = claim, with the lead's
/// language and channel and the screen's findings; the lead's name is replaced. Over real HTTP.
/// </summary>
public sealed class Exporting_review_decisions_as_labels : IAsyncLifetime
{
    private const string Urgent = ReviewDesk.Urgent;
    private const string Worse = "Hello Maria, if you wait, your spine will only get worse, so book before it is too late.";
    private ReviewDesk _desk = null!;
    private DashboardSession _carl = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _desk = await ReviewDesk.StartAsync();
        (_ana, _carl) = (_desk.Coordinator, _desk.Officer);
    }

    public ValueTask DisposeAsync() => _desk.DisposeAsync();

    private async Task<string> HeldAsync(string body) => (string)(await _desk.HeldAsync(body)).Held["reviewId"]!;

    [Fact]
    public async Task An_approved_review_comes_out_honest_and_a_rejected_one_a_claim_with_language_channel_and_findings_and_no_name()
    {
        var approvedId = await HeldAsync(Urgent);
        var rejectedId = await HeldAsync(Worse);
        var pendingId = await HeldAsync(Urgent);
        using (var approved = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{approvedId}/approve", new { reason = "Urgency about booking, not the outcome." }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using (var rejected = await _carl.Http.PostAsJsonAsync($"/api/v1/reviews/{rejectedId}/reject", new { reason = "Fear of getting worse." }))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        var labels = (await _carl.Http.GetFromJsonAsync<JsonObject>("/api/v1/reviews/labels"))!;

        Assert.Equal("claims-corpus-reviews-1", (string?)labels["version"]);
        var items = labels["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(2, items.Count);
        Assert.DoesNotContain(items, i => ((string)i["id"]!).Contains(Guid.Parse(pendingId).ToString("N"), StringComparison.Ordinal));
        var honest = Assert.Single(items, i => (string?)i["label"] == "honest");
        Assert.Equal($"reviews-{Guid.Parse(approvedId):N}", (string?)honest["id"]);
        Assert.Equal("honest-review", (string?)honest["category"]);
        Assert.Equal("approved", (string?)honest["decision"]);
        var claim = Assert.Single(items, i => (string?)i["label"] == "claim");
        Assert.Equal($"reviews-{Guid.Parse(rejectedId):N}", (string?)claim["id"]);
        Assert.Equal("urgency", (string?)claim["category"]);
        Assert.Equal("rejected", (string?)claim["decision"]);
        foreach (var item in items)
        {
            Assert.Equal("reviews", (string?)item["part"]);
            Assert.Equal("en", (string?)item["language"]);
            Assert.Equal("en", (string?)item["draftLanguage"]);
            Assert.Equal("email", (string?)item["channel"]);
            Assert.NotEmpty(item["rules"]!.AsArray());
            Assert.StartsWith("Hello Alex, ", (string?)item["text"], StringComparison.Ordinal);
            Assert.DoesNotContain("Maria", (string?)item["text"], StringComparison.Ordinal);
        }

        Assert.Equal(Urgent.Replace("Maria", "Alex", StringComparison.Ordinal), (string?)honest["text"]);
        Assert.Equal(Worse.Replace("Maria", "Alex", StringComparison.Ordinal), (string?)claim["text"]);
    }

    [Fact]
    public async Task A_coordinator_cannot_export_the_labels()
    {
        using var response = await _ana.Http.GetAsync("/api/v1/reviews/labels");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
