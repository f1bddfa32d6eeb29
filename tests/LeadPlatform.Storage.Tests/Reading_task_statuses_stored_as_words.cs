using LeadPlatform.FollowUp.Storage;
using LiteDB;
using MongoDB.Bson;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// A task's status is an enum in code and the same word in the file as before it was one: a lead written before the change
/// (its task "done" as a string) reads back as <see cref="FollowUpTaskStatus.Done"/>, and written back it still says "done";
/// a new task is stored as "open", not as the enum's name or number. So is an outreach's status ("sent",
/// "awaiting_read_confirmation") and a timeline entry's kind ("qualified"), also in a database that seals personal data at rest.
/// </summary>
public sealed class Reading_task_statuses_stored_as_words : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-vocabulary-").FullName;

    [Fact]
    public async Task An_old_lead_s_task_status_word_reads_as_the_enum_and_is_written_back_as_the_same_word()
    {
        var ct = TestContext.Current.CancellationToken;
        var lead = SampleDocuments.Lead();
        using var database = LiteDbFiles.Open(_folder, "followup.db");
        using var store = new LiteDbLeadStore(database);
        Assert.True(await store.TryInsertAsync(lead, ct));
        Assert.Equal("open", StoredStatus(database, lead.Id));

        // As an older version wrote it: the word, in the document.
        var raw = database.GetCollection(LiteDbLeadStore.CollectionName).FindById(new LiteDB.BsonValue(lead.Id));
        raw["Tasks"].AsArray[0].AsDocument["Status"] = "done";
        database.GetCollection(LiteDbLeadStore.CollectionName).Update(raw);

        using var reopened = new LiteDbLeadStore(database);
        var read = (await reopened.GetAsync(lead.Id, ct))!;
        Assert.Equal(FollowUpTaskStatus.Done, Assert.Single(read.Tasks).Status);
        await reopened.UpdateAsync(lead.Id, l => { l.Tier = "B"; return true; }, ct);
        Assert.Equal("done", StoredStatus(database, lead.Id));
        Assert.Equal(["open", "done", "cancelled"], FollowUpTaskStatuses.Map.Names.Values);
    }

    [Fact]
    public void In_MongoDB_too_the_task_status_is_the_word_both_ways()
    {
        MongoConventions.EnsureRegistered();
        var lead = SampleDocuments.Lead();
        var bson = lead.ToBsonDocument();
        Assert.Equal("open", bson["Tasks"].AsBsonArray[0]["Status"].AsString);

        bson["Tasks"].AsBsonArray[0].AsBsonDocument["Status"] = "cancelled";
        var read = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<LeadDocument>(bson);
        Assert.Equal(FollowUpTaskStatus.Cancelled, Assert.Single(read.Tasks).Status);
        Assert.Equal("cancelled", read.ToBsonDocument()["Tasks"].AsBsonArray[0]["Status"].AsString);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_old_lead_s_outreach_status_word_reads_as_the_enum_and_is_written_back_as_the_same_word(bool sealedAtRest)
    {
        // Sealed at rest, an outreach record is written by the sealing's own mapping: it keeps the word too.
        var ct = TestContext.Current.CancellationToken;
        var lead = SampleDocuments.Lead();
        using var database = LiteDbFiles.Open(_folder, "followup.db", sealedAtRest ? Sealing_personal_data_at_rest.Protector() : null);
        using var store = new LiteDbLeadStore(database);
        Assert.True(await store.TryInsertAsync(lead, ct));
        Assert.Equal("sent", StoredOutreachStatus(database, lead.Id));

        var raw = database.GetCollection(LiteDbLeadStore.CollectionName).FindById(new LiteDB.BsonValue(lead.Id));
        raw["Outreach"].AsArray[0].AsDocument["Status"] = "awaiting_read_confirmation";
        database.GetCollection(LiteDbLeadStore.CollectionName).Update(raw);

        var read = (await store.GetAsync(lead.Id, ct))!;
        Assert.Equal(OutreachStatus.AwaitingReadConfirmation, Assert.Single(read.Outreach).Status);
        await store.UpdateAsync(lead.Id, l => { l.Tier = "B"; return true; }, ct);
        Assert.Equal("awaiting_read_confirmation", StoredOutreachStatus(database, lead.Id));
        Assert.Equal(["sending", "sent", "awaiting_read_confirmation", "failed"], OutreachStatuses.Map.Names.Values);
    }

    [Fact]
    public void In_MongoDB_too_the_outreach_status_is_the_word_both_ways()
    {
        MongoConventions.EnsureRegistered();
        var bson = SampleDocuments.Lead().ToBsonDocument();
        Assert.Equal("sent", bson["Outreach"].AsBsonArray[0]["Status"].AsString);

        bson["Outreach"].AsBsonArray[0].AsBsonDocument["Status"] = "failed";
        var read = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<LeadDocument>(bson);
        Assert.Equal(OutreachStatus.Failed, Assert.Single(read.Outreach).Status);
        Assert.Equal("failed", read.ToBsonDocument()["Outreach"].AsBsonArray[0]["Status"].AsString);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_old_lead_s_timeline_kind_word_reads_as_the_enum_and_is_written_back_as_the_same_word(bool sealedAtRest)
    {
        // Sealed at rest, a timeline entry is written by the sealing's own mapping (its summary and details sealed): its kind stays the word.
        var ct = TestContext.Current.CancellationToken;
        var lead = SampleDocuments.Lead();
        using var database = LiteDbFiles.Open(_folder, "followup.db", sealedAtRest ? Sealing_personal_data_at_rest.Protector() : null);
        using var store = new LiteDbLeadStore(database);
        Assert.True(await store.TryInsertAsync(lead, ct));
        Assert.Equal(lead.Timeline.Select(e => e.Kind.Name()), StoredTimelineKinds(database, lead.Id));
        Assert.Contains("qualified", StoredTimelineKinds(database, lead.Id));

        // As an older version wrote it: the word, in the document.
        var raw = database.GetCollection(LiteDbLeadStore.CollectionName).FindById(new LiteDB.BsonValue(lead.Id));
        raw["Timeline"].AsArray[^1].AsDocument["Kind"] = "opt_out_confirmation_skipped";
        database.GetCollection(LiteDbLeadStore.CollectionName).Update(raw);

        var read = (await store.GetAsync(lead.Id, ct))!;
        Assert.Equal(TimelineKind.OptOutConfirmationSkipped, read.Timeline[^1].Kind);
        await store.UpdateAsync(lead.Id, l => { l.Tier = "B"; return true; }, ct);
        Assert.Equal("opt_out_confirmation_skipped", StoredTimelineKinds(database, lead.Id)[^1]);
    }

    [Fact]
    public void In_MongoDB_too_the_timeline_kind_is_the_word_both_ways()
    {
        MongoConventions.EnsureRegistered();
        var bson = SampleDocuments.Lead().ToBsonDocument();
        Assert.Contains("qualified", bson["Timeline"].AsBsonArray.Select(e => e["Kind"].AsString));

        bson["Timeline"].AsBsonArray[^1].AsBsonDocument["Kind"] = "consultation_no_show";
        var read = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<LeadDocument>(bson);
        Assert.Equal(TimelineKind.ConsultationNoShow, read.Timeline[^1].Kind);
        Assert.Equal("consultation_no_show", read.ToBsonDocument()["Timeline"].AsBsonArray[^1]["Kind"].AsString);
    }

    private static List<string> StoredTimelineKinds(LiteDatabase database, Guid leadId) =>
        [.. database.GetCollection(LiteDbLeadStore.CollectionName).FindById(new LiteDB.BsonValue(leadId))["Timeline"].AsArray.Select(e => e.AsDocument["Kind"].AsString)];

    private static string StoredOutreachStatus(LiteDatabase database, Guid leadId) =>
        database.GetCollection(LiteDbLeadStore.CollectionName).FindById(new LiteDB.BsonValue(leadId))["Outreach"].AsArray[0].AsDocument["Status"].AsString;

    private static string StoredStatus(LiteDatabase database, Guid leadId) =>
        database.GetCollection(LiteDbLeadStore.CollectionName).FindById(new LiteDB.BsonValue(leadId))["Tasks"].AsArray[0].AsDocument["Status"].AsString;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
