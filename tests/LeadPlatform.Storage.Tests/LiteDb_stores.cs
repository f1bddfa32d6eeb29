using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;
using LiteDB;

namespace LeadPlatform.Storage.Tests;

/// <summary>The conformance suite on LiteDB files (the standalone host's stores).</summary>
public sealed class LiteDb_stores : StoreConformance, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-litedb-").FullName;
    private readonly List<LiteDatabase> _databases = [];

    private LiteDatabase Open(string name)
    {
        // Sealed, as every service opens its file: the whole suite runs on encrypted personal data.
        var database = LiteDbFiles.Open(_folder, name, Sealing_personal_data_at_rest.Protector());
        _databases.Add(database);
        return database;
    }

    protected override IQuoteRequestStore QuoteRequests() => new LiteDbQuoteRequestStore(Open("intake.db"));
    protected override IQualificationStore Decisions() => new LiteDbQualificationStore(Open("qualification.db"));
    protected override ILeadStore Leads() => new LiteDbLeadStore(Open("followup.db"));
    protected override IUserAccountStore Accounts() => new LiteDbUserAccountStore(Open("followup-accounts.db"));
    protected override ITemplateStore Templates() => new LiteDbTemplateStore(Open("followup-templates.db"));
    protected override IReviewStore Reviews() => new LiteDbReviewStore(Open("followup-reviews.db"));
    protected override LeadPlatform.FollowUp.Scheduling.IScheduledOutreachStore ScheduledOutreach() =>
        new LeadPlatform.FollowUp.Scheduling.LiteDbScheduledOutreachStore(Open("followup-scheduled.db"));

    [Fact]
    public async Task What_was_written_is_still_there_after_the_file_is_closed_and_opened_again()
    {
        var document = SampleDocuments.QuoteRequest();
        var database = LiteDbFiles.Open(_folder, "reopen.db");
        await new LiteDbQuoteRequestStore(database).TryInsertAsync(document, TestContext.Current.CancellationToken);
        database.Dispose();

        var reopened = new LiteDbQuoteRequestStore(Open("reopen.db"));

        var read = await reopened.GetAsync(document.Id, TestContext.Current.CancellationToken);
        Assert.Equal(document.LeadId, read!.LeadId);
        Assert.Single(read.Outbox);
    }

    public void Dispose()
    {
        foreach (var database in _databases) database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
