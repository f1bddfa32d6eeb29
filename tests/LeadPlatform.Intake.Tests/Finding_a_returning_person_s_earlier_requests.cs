using LeadPlatform.Intake.Storage;
using LeadPlatform.Storage;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// The LiteDB store answers "no earlier request" for a key it has never stored without querying (the known keys in
/// memory), so it must still find every earlier request: those in the file before it was opened, and those written since.
/// </summary>
public sealed class Finding_a_returning_person_s_earlier_requests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-intake-keys-").FullName;

    [Fact]
    public async Task Requests_stored_before_the_file_was_opened_are_found_by_email_and_by_phone()
    {
        var (byEmail, byPhone) = (Request("email-1", null), Request(null, "phone-1"));
        using (var database = LiteDbFiles.Open(_folder, "intake.db"))
        using (var store = new LiteDbQuoteRequestStore(database))
        {
            Assert.True(await store.TryInsertAsync(byEmail));
            Assert.True(await store.TryInsertAsync(byPhone));
        }
        // Written beside the store, as a file from before this version holds them.
        using (var database = LiteDbFiles.Open(_folder, "intake.db"))
            database.GetCollection(LiteDbQuoteRequestStore.CollectionName).Insert(new LiteDB.BsonDocument
            {
                ["_id"] = Guid.CreateVersion7(), ["LeadId"] = Guid.CreateVersion7(), ["SiteId"] = "old", ["EmailKey"] = "email-old",
                ["ReceivedAt"] = DateTime.UtcNow,
            });

        using var reopened = LiteDbFiles.Open(_folder, "intake.db");
        using var after = new LiteDbQuoteRequestStore(reopened);
        await after.ContactKeysLoaded.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(byEmail.LeadId, Assert.Single(await after.FindMatchingLeadsAsync("email-1", null, null, TestContext.Current.CancellationToken)).LeadId);
        Assert.Equal(byPhone.LeadId, Assert.Single(await after.FindMatchingLeadsAsync(null, "phone-1", null, TestContext.Current.CancellationToken)).LeadId);
        Assert.Single(await after.FindMatchingLeadsAsync("email-old", null, null, TestContext.Current.CancellationToken));
        Assert.Empty(await after.FindMatchingLeadsAsync("email-2", "phone-2", null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_request_is_found_by_the_next_one_as_soon_as_it_is_stored()
    {
        using var database = LiteDbFiles.Open(_folder, "intake.db");
        using var store = new LiteDbQuoteRequestStore(database);
        await store.ContactKeysLoaded.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Empty(await store.FindMatchingLeadsAsync("email-1", "phone-1", null, TestContext.Current.CancellationToken));

        var first = Request("email-1", "phone-1");
        Assert.True(await store.TryInsertAsync(first, TestContext.Current.CancellationToken));

        var match = Assert.Single(await store.FindMatchingLeadsAsync("email-1", "phone-9", null, TestContext.Current.CancellationToken));
        Assert.Equal(first.LeadId, match.LeadId);
        Assert.True(match.Email);
        Assert.False(match.Phone);
        Assert.Single(await store.FindMatchingLeadsAsync(null, "phone-1", null, TestContext.Current.CancellationToken));
    }

    private static QuoteRequestDocument Request(string? emailKey, string? phoneKey) => new()
    {
        Id = Guid.CreateVersion7(), LeadId = Guid.CreateVersion7(), SiteId = "test", EmailKey = emailKey, PhoneKey = phoneKey,
        ReceivedAt = DateTimeOffset.UtcNow, Submission = null!,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
