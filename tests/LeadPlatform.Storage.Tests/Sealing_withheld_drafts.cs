using System.Text;
using LeadPlatform.FollowUp.Storage;
using MongoDB.Bson;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// The text of a draft the gate blocked or held is kept for the compliance officer, sealed at rest like an outreach's:
/// neither the LiteDB file nor the MongoDB document holds it in clear, and it reads back whole.
/// </summary>
public sealed class Sealing_withheld_drafts : IDisposable
{
    private const string Body = "Dear Maria, our stem cells cure spondylolysis for good.";
    private const string Subject = "Maria, your cure";
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-withheld-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LeadDocument LeadWithWithheldDraft()
    {
        var lead = SampleDocuments.Lead();
        var evidence = lead.AppendEvidence(SampleDocuments.Evidence(lead.Id, "blocked", null, SampleDocuments.At));
        lead.WithheldDrafts.Add(new WithheldDraft
        {
            EvidenceId = evidence.EvidenceId, At = evidence.DecidedAt, Decision = "blocked", Channel = "email", Language = "en",
            Author = "coordinator.ana", Subject = Subject, Body = Body,
        });
        return lead;
    }

    [Fact]
    public async Task A_blocked_drafts_text_is_sealed_in_the_LiteDB_file_and_reads_back_whole()
    {
        var lead = LeadWithWithheldDraft();
        using (var followUp = LiteDbFiles.Open(_folder, "followup.db", Sealing_personal_data_at_rest.Protector()))
        {
            Assert.True(await new LiteDbLeadStore(followUp).TryInsertAsync(lead, Ct));
        }

        foreach (var file in Directory.GetFiles(_folder))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            foreach (var value in new[] { Body, Subject })
                Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0, $"{Path.GetFileName(file)} holds '{value}' in clear");
        }
        using var reopened = LiteDbFiles.Open(_folder, "followup.db", Sealing_personal_data_at_rest.Protector());
        var draft = Assert.Single((await new LiteDbLeadStore(reopened).GetAsync(lead.Id, Ct))!.WithheldDrafts);
        Assert.Equal((Subject, Body, "coordinator.ana", "blocked"), (draft.Subject, draft.Body, draft.Author, draft.Decision));
    }

    [Fact]
    public void A_blocked_drafts_text_is_sealed_in_the_MongoDB_document_and_reads_back_whole()
    {
        MongoConventions.UseProtector(Sealing_personal_data_at_rest.Protector());
        var lead = LeadWithWithheldDraft();

        var json = lead.ToBsonDocument().ToJson();
        Assert.DoesNotContain(Body, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Subject, json, StringComparison.Ordinal);
        var read = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<LeadDocument>(lead.ToBsonDocument());
        Assert.Equal(Body, Assert.Single(read.WithheldDrafts).Body);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
