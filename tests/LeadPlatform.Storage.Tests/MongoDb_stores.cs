using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;

namespace LeadPlatform.Storage.Tests;

/// <summary>The conformance suite on MongoDB (the distributed services' stores): skipped, with the reason, without a server.</summary>
public sealed class MongoDb_stores(MongoFixture mongo) : StoreConformance, IClassFixture<MongoFixture>
{
    protected override IQuoteRequestStore QuoteRequests() => new MongoQuoteRequestStore(mongo.NewDatabase());
    protected override IQualificationStore Decisions() => new MongoQualificationStore(mongo.NewDatabase());
    protected override ILeadStore Leads() => new MongoLeadStore(mongo.NewDatabase());
    protected override IUserAccountStore Accounts() => new MongoUserAccountStore(mongo.NewDatabase());
    protected override ITemplateStore Templates() => new MongoTemplateStore(mongo.NewDatabase());
    protected override IReviewStore Reviews() => new MongoReviewStore(mongo.NewDatabase());
    protected override LeadPlatform.FollowUp.Scheduling.IScheduledOutreachStore ScheduledOutreach() =>
        new LeadPlatform.FollowUp.Scheduling.MongoScheduledOutreachStore(mongo.NewDatabase());
}
