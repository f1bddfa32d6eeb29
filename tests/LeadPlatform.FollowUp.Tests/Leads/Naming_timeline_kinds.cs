using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Tests.Leads;

/// <summary>
/// Timeline kinds are an enum in code and the same words outside it (issue 15, item 4): the API's JSON (its snake_case
/// enum names), JSON written with plain options (exports) and the OpenAPI document all say "outreach_sent", never a
/// number or "OutreachSent"; a word that is no kind is refused naming the vocabulary.
/// </summary>
public sealed class Naming_timeline_kinds : IAsyncLifetime
{
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public void Every_kind_s_stored_word_is_the_snake_case_of_its_name_so_the_api_writes_the_same_word()
    {
        foreach (var kind in Enum.GetValues<TimelineKind>())
        {
            Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()), kind.Name());
        }
        Assert.Equal(Enum.GetValues<TimelineKind>().Length, TimelineKinds.Map.Names.Values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Plain_json_writes_and_reads_the_word_and_refuses_a_word_that_is_no_kind()
    {
        var entry = new TimelineEntry { At = DateTimeOffset.UnixEpoch, Kind = TimelineKind.OptOutConfirmationSkipped, Summary = "STOP again" };
        var json = JsonSerializer.Serialize(entry, JsonSerializerOptions.Web);
        Assert.Equal("opt_out_confirmation_skipped", (string?)JsonNode.Parse(json)!["kind"]);
        Assert.Equal(TimelineKind.OptOutConfirmationSkipped, JsonSerializer.Deserialize<TimelineEntry>(json, JsonSerializerOptions.Web)!.Kind);

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimelineEntry>("""{"kind":"OptOutConfirmationSkipped"}""", JsonSerializerOptions.Web));
        Assert.Contains("timeline kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lead_api_and_its_openapi_document_give_the_timeline_kinds_as_words()
    {
        var lead = await _host.SubmittedAsync();
        var view = (await _host.LeadAsync(lead.LeadId));
        Assert.Contains(view["timeline"]!.AsArray(), e => (string?)e!["kind"] == "submitted");

        var document = JsonNode.Parse(await _host.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var schemas = document["components"]!["schemas"]!;
        var kind = schemas["TimelineEntry"]!["properties"]!["kind"]!;
        if (kind["$ref"] is { } reference) kind = schemas[((string)reference!).Split('/')[^1]]!;
        // The words a client may see, as the other vocabularies of the document (the task statuses) are listed: an enum of strings.
        var words = Assert.IsType<JsonArray>(kind["enum"], exactMatch: false);
        Assert.All(words, w => Assert.Equal(JsonValueKind.String, w!.GetValueKind()));
        Assert.Equal(TimelineKinds.Map.Names.Values.Order(StringComparer.Ordinal), words.Select(w => (string)w!).Order(StringComparer.Ordinal));
        var taskStatus = schemas["FollowUpTask"]!["properties"]!["status"]!;
        if (taskStatus["$ref"] is { } statusReference) taskStatus = schemas[((string)statusReference!).Split('/')[^1]]!;
        Assert.Equal(taskStatus["type"]?.ToJsonString(), kind["type"]?.ToJsonString());
    }
}
