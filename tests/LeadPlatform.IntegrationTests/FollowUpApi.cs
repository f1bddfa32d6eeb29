using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage;
using LiteDB;

namespace LeadPlatform.IntegrationTests;

/// <summary>What follow-up holds about a lead, as the fault tests count it: tasks and automatic acknowledgements.</summary>
public sealed record LeadCounts(int Tasks, int Acknowledgements, string AcknowledgementStatuses)
{
    public static readonly LeadCounts None = new(0, 0, string.Empty);
}

/// <summary>
/// Every fault test reads follow-up through here. When follow-up's API requires authentication, add the credential in
/// <see cref="Authorize"/> (one place) and every fault test follows.
/// </summary>
public static class FollowUpApi
{
    public static HttpClient Authorize(HttpClient http) => http;

    /// <summary>
    /// The lead a submission was recorded on, as the clinic's integrations find it (intake's 202 names only the quote
    /// request): <c>GET /api/v1/leads?quoteRequestId=</c> with the API token, polled until follow-up has heard of it.
    /// </summary>
    public static async Task<Guid> LeadIdOfAsync(HttpClient http, Guid quoteRequestId, TimeSpan? timeout = null)
    {
        var lead = await Eventually.GetAsync(async () =>
        {
            using var response = await http.GetAsync($"/api/v1/leads?quoteRequestId={quoteRequestId}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        }, l => l is not null, timeout ?? TimeSpan.FromSeconds(30), $"the lead of quote request {quoteRequestId}");
        return Guid.Parse((string)lead!["leadId"]!);
    }

    /// <summary>The quote request id of intake's 202 answer.</summary>
    public static async Task<Guid> QuoteRequestIdOf(HttpResponseMessage accepted) =>
        Guid.Parse((string)(await accepted.Content.ReadFromJsonAsync<JsonObject>())!["quoteRequestId"]!);

    /// <summary>GET /api/v1/leads/{id} (or, by quote request, ?quoteRequestId=): null while follow-up has not heard of the lead.</summary>
    public static async Task<LeadCounts?> CountsAsync(HttpClient http, Guid id, bool byQuoteRequest = false)
    {
        using var response = await http.GetAsync(byQuoteRequest ? $"/api/v1/leads?quoteRequestId={id}" : $"/api/v1/leads/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var lead = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var acknowledgements = lead["outreach"]!.AsArray().Where(o => (string?)o!["kind"] == "acknowledgement").ToList();
        return new LeadCounts(lead["tasks"]!.AsArray().Count, acknowledgements.Count,
            string.Join(",", acknowledgements.Select(o => (string?)o!["status"])));
    }

    /// <summary>Polls until every lead has a task and a sent acknowledgement (or the deadline), then reads each once more.</summary>
    /// <param name="byQuoteRequest">The ids are quote request ids (what intake answered), not lead ids.</param>
    public static async Task<Dictionary<Guid, LeadCounts>> CountWhenSettledAsync(HttpClient http, IEnumerable<Guid> leads, TimeSpan timeout,
        bool byQuoteRequest = false)
    {
        var counts = leads.Distinct().ToDictionary(l => l, _ => LeadCounts.None);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && counts.Values.Any(c => c.Tasks == 0 || !c.AcknowledgementStatuses.Contains("sent", StringComparison.Ordinal)))
        {
            foreach (var lead in counts.Where(c => c.Value.Tasks == 0 || !c.Value.AcknowledgementStatuses.Contains("sent", StringComparison.Ordinal)).Select(c => c.Key).ToList())
                counts[lead] = await CountsAsync(http, lead, byQuoteRequest) ?? LeadCounts.None;
            await Task.Delay(250);
        }
        // A last look at every lead, so a duplicate that arrived late is counted too.
        await Task.Delay(500);
        foreach (var lead in counts.Keys.ToList()) counts[lead] = await CountsAsync(http, lead, byQuoteRequest) ?? LeadCounts.None;
        return counts;
    }

    /// <summary>The same counts read straight from follow-up's LiteDB file while its process is dead.</summary>
    public static Dictionary<Guid, LeadCounts> ReadStore(string followUpDataFolder)
    {
        using var database = LiteDbFiles.Open(followUpDataFolder, "followup.db");
        return database.GetCollection("leads").FindAll().ToDictionary(
            d => d["_id"].AsGuid,
            d =>
            {
                var acknowledgements = d["Outreach"].IsArray
                    ? d["Outreach"].AsArray.Where(o => o["Kind"].AsString == "acknowledgement").ToList()
                    : [];
                return new LeadCounts(d["Tasks"].IsArray ? d["Tasks"].AsArray.Count : 0, acknowledgements.Count,
                    string.Join(",", acknowledgements.Select(o => o["Status"].AsString)));
            });
    }

    /// <summary>Emails the file channel wrote to this address (each is a message the person would receive).</summary>
    public static int EmailsTo(string followUpDataFolder, string email)
    {
        var folder = Path.Combine(followUpDataFolder, "outbox", "email");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Count(f => File.ReadAllText(f).Contains($"<{email}>", StringComparison.OrdinalIgnoreCase)
                                                             || File.ReadAllText(f).Contains($"To: {email}", StringComparison.OrdinalIgnoreCase))
            : 0;
    }
}
