using System.Security.Cryptography;
using System.Text;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.Storage.Privacy;
using LiteDB;
using MongoDB.Bson;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// Emails, phones, names, free text, client IPs and outbox payloads are encrypted in the stored documents with the
/// configured key; lookups use keyed hashes; a wrong key fails with a message that names the key.
/// </summary>
public sealed class Sealing_personal_data_at_rest : IDisposable
{
    private static readonly string[] InClear =
        ["maria.lopez@fastmail.com", "+14155550134", "4155550134", "Maria", "Lopez", "Pain for 8 months", "94110"];

    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-sealed-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static PersonalDataProtector Protector(string keyId = "test-2026", byte[]? key = null) => new(new PrivacyOptions
    {
        EncryptionKeys = { [keyId] = Convert.ToBase64String(key ?? SHA256.HashData("storage tests key"u8)) },
        LookupKeySecret = "storage-tests-lookup-secret",
    });

    /// <summary>After a rotation: the old key still opens what it sealed, the new one (test-2027) seals.</summary>
    private static PersonalDataProtector RotatedProtector() => new(new PrivacyOptions
    {
        EncryptionKeys = { ["test-2026"] = Convert.ToBase64String(SHA256.HashData("storage tests key"u8)), ["test-2027"] = Convert.ToBase64String(SHA256.HashData("next key"u8)) },
        CurrentKeyId = "test-2027",
        LookupKeySecret = "storage-tests-lookup-secret",
    });

    [Fact]
    public async Task The_LiteDB_files_hold_no_email_phone_name_or_message_in_clear_and_read_back_whole()
    {
        var request = SampleDocuments.QuoteRequest();
        var lead = SampleDocuments.Lead();
        using (var intake = LiteDbFiles.Open(_folder, "intake.db", Protector()))
        using (var followUp = LiteDbFiles.Open(_folder, "followup.db", Protector()))
        {
            Assert.True(await new LiteDbQuoteRequestStore(intake).TryInsertAsync(request, Ct));
            Assert.True(await new LiteDbLeadStore(followUp).TryInsertAsync(lead, Ct));
        }

        foreach (var file in Directory.GetFiles(_folder))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            foreach (var value in InClear)
            {
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(value)), $"{Path.GetFileName(file)} holds '{value}' in clear");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(value)), $"{Path.GetFileName(file)} holds '{value}' in clear (UTF-16)");
            }
        }

        using var reopenedIntake = LiteDbFiles.Open(_folder, "intake.db", Protector());
        using var reopenedFollowUp = LiteDbFiles.Open(_folder, "followup.db", Protector());
        var readRequest = await new LiteDbQuoteRequestStore(reopenedIntake).GetAsync(request.Id, Ct);
        Assert.Equal(request.Submission.Person, readRequest!.Submission.Person);
        Assert.Equal(request.Submission.Inquiry.Message, readRequest.Submission.Inquiry.Message);
        Assert.Equal(request.Submission.Inquiry.TreatmentsTried, readRequest.Submission.Inquiry.TreatmentsTried);
        Assert.Equal(request.Submission.Source, readRequest.Submission.Source);
        Assert.Equal(request.Outbox[0].Payload, readRequest.Outbox[0].Payload);
        var leads = new LiteDbLeadStore(reopenedFollowUp);
        Assert.Equal(lead.Person, (await leads.GetAsync(lead.Id, Ct))!.Person);
        Assert.Equal([lead.Id], (await leads.FindByPhoneAsync("+14155550134", 10, Ct)).Select(l => l.Id));

        var raw = reopenedFollowUp.GetCollection(LiteDbLeadStore.CollectionName).FindById(lead.Id);
        Assert.StartsWith(PersonalDataProtector.Prefix + "test-2026:", raw["Person"]["Sealed"].AsString, StringComparison.Ordinal);
        Assert.Equal(Protector().LookupKey("+14155550134"), raw["Person"]["PhoneKey"].AsString);
    }

    [Fact]
    public async Task A_message_held_for_review_is_stored_with_its_texts_and_matched_words_sealed()
    {
        var review = SampleDocuments.Review(Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        using (var followUp = LiteDbFiles.Open(_folder, "followup.db", Protector()))
            Assert.True(await new LiteDbReviewStore(followUp).TryInsertAsync(review, Ct));

        foreach (var value in new[] { "Hello Maria", "before it is too late", "whenever you are ready." })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, "followup.db"), Ct);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(value)), $"followup.db holds '{value}' in clear");
        }
        using var reopened = LiteDbFiles.Open(_folder, "followup.db", Protector());
        var read = (await new LiteDbReviewStore(reopened).GetAsync(review.Id, Ct))!;
        Assert.Equal(review.Draft.Body, read.Draft.Body);
        Assert.Equal(review.Edited!.Body, read.Edited!.Body);
        Assert.Equal(review.Findings[0].Match, read.Findings[0].Match);

        MongoConventions.UseProtector(Protector());
        var json = review.ToBsonDocument().ToJson();
        Assert.DoesNotContain("Hello Maria", json, StringComparison.Ordinal);
        Assert.DoesNotContain("before it is too late", json, StringComparison.Ordinal);
        Assert.Equal(review.Draft.Body, MongoDB.Bson.Serialization.BsonSerializer.Deserialize<ReviewItem>(review.ToBsonDocument()).Draft.Body);
    }

    [Fact]
    public async Task A_wrong_key_fails_clearly_naming_the_key_and_a_missing_key_says_it_is_not_configured()
    {
        var request = SampleDocuments.QuoteRequest();
        using (var database = LiteDbFiles.Open(_folder, "intake.db", Protector()))
            await new LiteDbQuoteRequestStore(database).TryInsertAsync(request, Ct);

        using (var wrongKey = LiteDbFiles.Open(_folder, "intake.db", Protector(key: SHA256.HashData("another key"u8))))
        {
            var error = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => new LiteDbQuoteRequestStore(wrongKey).GetAsync(request.Id, Ct));
            Assert.Contains("'test-2026'", error.Message, StringComparison.Ordinal);
            Assert.Contains("not the key it was sealed with", error.Message, StringComparison.Ordinal);
        }
        using (var rotatedAway = LiteDbFiles.Open(_folder, "intake.db", Protector(keyId: "test-2027")))
        {
            var error = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => new LiteDbQuoteRequestStore(rotatedAway).GetAsync(request.Id, Ct));
            Assert.Contains("Privacy:EncryptionKeys:test-2026 is not configured", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_a_rotation_old_documents_still_read_and_new_ones_are_sealed_with_the_new_key()
    {
        var old = SampleDocuments.QuoteRequest();
        using (var database = LiteDbFiles.Open(_folder, "intake.db", Protector()))
            await new LiteDbQuoteRequestStore(database).TryInsertAsync(old, Ct);
        var rotated = RotatedProtector();

        using var reopened = LiteDbFiles.Open(_folder, "intake.db", rotated);
        var store = new LiteDbQuoteRequestStore(reopened);
        var fresh = SampleDocuments.QuoteRequest();
        await store.TryInsertAsync(fresh, Ct);

        Assert.Equal(old.Submission.Person, (await store.GetAsync(old.Id, Ct))!.Submission.Person);
        var raw = reopened.GetCollection(LiteDbQuoteRequestStore.CollectionName).FindById(fresh.Id);
        Assert.StartsWith("pd1:test-2027:", raw["Submission"]["Person"]["Sealed"].AsString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_rotation_a_document_read_and_written_back_is_sealed_whole_with_the_new_key()
    {
        var lead = SampleDocuments.Lead();
        using (var database = LiteDbFiles.Open(_folder, "followup.db", Protector()))
            Assert.True(await new LiteDbLeadStore(database).TryInsertAsync(lead, Ct));
        var rotated = RotatedProtector();

        using var reopened = LiteDbFiles.Open(_folder, "followup.db", rotated);
        var store = new LiteDbLeadStore(reopened);
        await store.ReplaceAsync((await store.GetAsync(lead.Id, Ct))!, Ct);

        var raw = reopened.GetCollection(LiteDbLeadStore.CollectionName).FindById(lead.Id);
        foreach (var sealedValue in new[] { raw["Person"]["Sealed"], raw["Inquiry"]["Sealed"], raw["Timeline"][0]["Summary"], raw["Outreach"][0]["Recipient"] })
            Assert.StartsWith("pd1:test-2027:", sealedValue.AsString, StringComparison.Ordinal);
        Assert.Equal(lead.Person, (await store.GetAsync(lead.Id, Ct))!.Person);
    }

    [Fact]
    public async Task A_document_stored_in_clear_before_sealing_was_configured_still_reads_and_is_sealed_when_written_again()
    {
        var legacy = SampleDocuments.QuoteRequest();
        using (var plain = LiteDbFiles.Open(_folder, "intake.db"))
            await new LiteDbQuoteRequestStore(plain).TryInsertAsync(legacy, Ct);

        using var sealedDatabase = LiteDbFiles.Open(_folder, "intake.db", Protector());
        var store = new LiteDbQuoteRequestStore(sealedDatabase);
        var read = await store.GetAsync(legacy.Id, Ct);
        Assert.Equal(legacy.Submission.Person, read!.Submission.Person);
        await store.ReplaceAsync(read, Ct);

        var raw = sealedDatabase.GetCollection(LiteDbQuoteRequestStore.CollectionName).FindById(legacy.Id);
        Assert.True(raw["Submission"]["Person"].AsDocument.ContainsKey("Sealed"));
        Assert.False(raw["Submission"]["Person"].AsDocument.ContainsKey("Email"));
    }

    [Fact]
    public void The_MongoDB_documents_hold_no_personal_data_in_clear_and_read_back_whole()
    {
        MongoConventions.UseProtector(Protector());
        var request = SampleDocuments.QuoteRequest();

        var bson = request.ToBsonDocument();
        var json = bson.ToJson();
        foreach (var value in InClear) Assert.DoesNotContain(value, json, StringComparison.Ordinal);
        Assert.True(bson["Submission"]["Person"].AsBsonDocument.Contains("PhoneKey"));

        var read = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<QuoteRequestDocument>(bson);
        Assert.Equal(request.Submission.Person, read.Submission.Person);
        Assert.Equal(request.Outbox[0].Payload, read.Outbox[0].Payload);
    }

    private const string Note = "Prefers mornings; mentions she is HIV positive";
    private const string Reply = "my back pain is worse at night";
    private const string Reason = "already tried epidural injections";

    private static LeadDocument LeadWithFreeText()
    {
        var lead = SampleDocuments.Lead();
        lead.Record(new TimelineEntry { At = SampleDocuments.At, Kind = TimelineKind.Note, Summary = Note, Actor = "coordinator.ana" });
        lead.Record(new TimelineEntry { At = SampleDocuments.At, Kind = TimelineKind.SmsReceived, Summary = "SMS reply from the lead", Actor = "lead", Details = new() { ["text"] = Reply } });
        return lead;
    }

    private static QualificationDocument DecisionWithReasons()
    {
        var decision = SampleDocuments.Decision();
        decision.Reasons = [new LeadPlatform.Contracts.ScoreReason { Rule = "treatments", Points = 10, Text = Reason }];
        decision.Disqualifications = [new LeadPlatform.Contracts.DisqualificationReason { Rule = "placeholder", Text = Reason + " (disqualified)" }];
        return decision;
    }

    [Fact]
    public async Task Notes_SMS_replies_and_reasons_are_sealed_in_the_LiteDB_files_and_read_back_whole()
    {
        var lead = LeadWithFreeText();
        var decision = DecisionWithReasons();
        using (var followUp = LiteDbFiles.Open(_folder, "followup.db", Protector()))
        using (var qualification = LiteDbFiles.Open(_folder, "qualification.db", Protector()))
        {
            Assert.True(await new LiteDbLeadStore(followUp).TryInsertAsync(lead, Ct));
            Assert.True(await new LiteDbQualificationStore(qualification).TryInsertAsync(decision, Ct));
        }

        foreach (var file in Directory.GetFiles(_folder))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            foreach (var value in new[] { Note, "HIV positive", Reply, Reason })
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(value)), $"{Path.GetFileName(file)} holds '{value}' in clear");
        }

        using var reopenedFollowUp = LiteDbFiles.Open(_folder, "followup.db", Protector());
        using var reopenedQualification = LiteDbFiles.Open(_folder, "qualification.db", Protector());
        var read = (await new LiteDbLeadStore(reopenedFollowUp).GetAsync(lead.Id, Ct))!;
        Assert.Equal(Note, read.Timeline.Single(e => e.Kind.Name() == "note").Summary);
        Assert.Equal(Reply, read.Timeline.Single(e => e.Kind.Name() == "sms_received").Details["text"]);
        Assert.Equal("coordinator.ana", read.Timeline.Single(e => e.Kind.Name() == "note").Actor);
        var readDecision = (await new LiteDbQualificationStore(reopenedQualification).GetAsync(decision.Id, Ct))!;
        Assert.Equal(decision.Reasons, readDecision.Reasons);
        Assert.Equal(decision.Disqualifications, readDecision.Disqualifications);
    }

    [Fact]
    public void Notes_SMS_replies_and_reasons_are_sealed_in_the_MongoDB_documents_and_read_back_whole()
    {
        MongoConventions.UseProtector(Protector());
        var lead = LeadWithFreeText();
        var decision = DecisionWithReasons();

        var leadJson = lead.ToBsonDocument().ToJson();
        var decisionJson = decision.ToBsonDocument().ToJson();
        foreach (var value in new[] { Note, Reply, Reason })
        {
            Assert.DoesNotContain(value, leadJson, StringComparison.Ordinal);
            Assert.DoesNotContain(value, decisionJson, StringComparison.Ordinal);
        }

        var read = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<LeadDocument>(lead.ToBsonDocument());
        Assert.Equal(Note, read.Timeline.Single(e => e.Kind.Name() == "note").Summary);
        Assert.Equal(Reply, read.Timeline.Single(e => e.Kind.Name() == "sms_received").Details["text"]);
        var readDecision = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<QualificationDocument>(decision.ToBsonDocument());
        Assert.Equal(decision.Reasons, readDecision.Reasons);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
