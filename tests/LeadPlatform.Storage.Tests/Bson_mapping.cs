using System.Text.Json;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// What the MongoDB adapters send to a server, checked without one: every document survives the driver's BSON
/// serializer unchanged, and the filters, sorts and indexes render to the BSON they are meant to (a typo in a field
/// name fails here, not in production).
/// </summary>
public sealed class Bson_mapping
{
    private static readonly JsonSerializerOptions Json = new();

    static Bson_mapping() => MongoConventions.EnsureRegistered();

    public static TheoryData<string> Documents => ["quote request", "decision", "lead", "account"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_document_round_trips_through_the_MongoDB_serializer_unchanged(string kind)
    {
        object document = kind switch
        {
            "quote request" => SampleDocuments.QuoteRequest(),
            "decision" => SampleDocuments.Decision(),
            "account" => new UserAccount
            {
                Id = Guid.Parse("01a20ecf-bdad-7424-8d7f-d906d7e607e2"), Email = "ana@clinic.example", DisplayName = "Ana",
                PasswordHash = "AQAAAAIAAYagAAAAE-not-a-real-hash", Roles = ["coordinator"], OnDuty = true,
                CreatedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
            },
            _ => SampleDocuments.Lead(),
        };

        var bson = document.ToBsonDocument(document.GetType());
        var back = BsonSerializer.Deserialize(bson, document.GetType());

        Assert.Equal(JsonSerializer.Serialize(document, document.GetType(), Json), JsonSerializer.Serialize(back, document.GetType(), Json));
        Assert.True(bson.Contains("_id"), "the id is stored as _id");
        Assert.Equal(BsonType.Binary, bson["_id"].BsonType);
        Assert.Equal(BsonBinarySubType.UuidStandard, bson["_id"].AsBsonBinaryData.SubType);
    }

    [Fact]
    public void Times_are_stored_as_BSON_dates_so_they_can_be_queried_and_sorted()
    {
        var bson = SampleDocuments.Lead().ToBsonDocument();

        Assert.Equal(BsonType.DateTime, bson["CreatedAt"].BsonType);
        Assert.Equal(BsonType.DateTime, bson["NextDueAt"].BsonType);
        Assert.Equal(BsonType.DateTime, bson["Tasks"][0]["DueAt"].BsonType);
    }

    [Fact]
    public void The_returning_person_lookup_matches_email_key_or_phone_key()
    {
        Assert.Equal(BsonDocument.Parse("{ $or: [ { EmailKey: 'e' }, { PhoneKey: 'p' } ] }"), Render(MongoQuoteRequestStore.SamePerson("e", "p")));
        Assert.Equal(BsonDocument.Parse("{ EmailKey: 'e' }"), Render(MongoQuoteRequestStore.SamePerson("e", null)));
    }

    [Fact]
    public void The_optimistic_replace_matches_id_and_version()
    {
        var id = Guid.Parse("01a20ecf-bdad-7424-8d7f-d906d7e607e1");

        Assert.Equal(BsonDocument.Parse("{ _id: UUID('01a20ecf-bdad-7424-8d7f-d906d7e607e1'), Version: NumberLong(3) }"),
            Render(MongoQuoteRequestStore.ByIdAndVersion(id, 3)));
        Assert.Equal(BsonDocument.Parse("{ HasPendingOutbox: true }"), Render(MongoQuoteRequestStore.PendingOutbox()));
    }

    [Fact]
    public void The_lead_queries_render_to_their_fields()
    {
        var leadId = Guid.Parse("01a20ecf-bdad-70a6-9bdf-cd72a86c180f");

        Assert.Equal(BsonDocument.Parse("{ LeadId: UUID('01a20ecf-bdad-70a6-9bdf-cd72a86c180f') }"), Render(MongoQualificationStore.ByLead(leadId)));
        Assert.Equal(BsonDocument.Parse("{ NextDueAt: { $ne: null } }"), Render(MongoLeadStore.WithOpenTask()));
        Assert.Equal(BsonDocument.Parse("{ Current: true }"), Render(MongoQualificationStore.CurrentAfter(null)));
        Assert.Equal(BsonDocument.Parse("{ Current: true, _id: { $gt: UUID('01a20ecf-bdad-70a6-9bdf-cd72a86c180f') } }"), Render(MongoQualificationStore.CurrentAfter(leadId)));
        var sort = MongoLeadStore.MostUrgentFirst().Render(Args<LeadDocument>());
        Assert.Equal(BsonDocument.Parse("{ NextDueAt: 1 }"), sort);
        Assert.Equal(BsonDocument.Parse("{ NextEscalationAt: { $lte: ISODate('2026-11-24T18:00:00Z') } }"),
            Render(MongoLeadStore.OverdueAt(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero))));
        Assert.Equal(BsonDocument.Parse("{ NextEscalationAt: 1 }"), MongoLeadStore.MostOverdueFirst().Render(Args<LeadDocument>()));
        Assert.Equal(BsonDocument.Parse("{ UpdatedAt: { $gte: ISODate('2026-11-01T00:00:00Z') }, CreatedAt: { $lte: ISODate('2026-11-30T00:00:00Z') } }"),
            Render(MongoLeadStore.ActiveBetween(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void The_due_scheduled_outreach_filter_renders_status_due_time_and_the_lease()
    {
        Assert.Equal(BsonDocument.Parse("{ Status: 'scheduled', DueAt: { $lte: ISODate('2026-12-02T16:00:00Z') }, "
                + "$or: [ { LeaseUntil: null }, { LeaseUntil: { $lte: ISODate('2026-12-02T16:00:00Z') } } ] }"),
            Render(LeadPlatform.FollowUp.Scheduling.MongoScheduledOutreachStore.DueAt(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Every_collection_indexes_the_fields_its_queries_use()
    {
        Assert.Equal(
            ["{ \"HasPendingOutbox\" : 1 }", "{ \"LeadId\" : 1 }", "{ \"EmailKey\" : 1 }", "{ \"PhoneKey\" : 1 }", "{ \"DedupeKey\" : 1 }"],
            Keys(new MongoQuoteRequestStore(Database()).IndexModels()));
        // The database, not a read-then-write, refuses the second copy of a form posted twice.
        Assert.True(new MongoQuoteRequestStore(Database()).IndexModels().Last().Options.Unique);
        Assert.Equal(
            ["{ \"HasPendingOutbox\" : 1 }", "{ \"LeadId\" : 1, \"DecidedAt\" : 1 }", "{ \"Current\" : 1, \"_id\" : 1 }"],
            Keys(new MongoQualificationStore(Database()).IndexModels()));
        Assert.Equal(
            ["{ \"HasPendingOutbox\" : 1 }", "{ \"NextDueAt\" : 1 }", "{ \"Person.PhoneKey\" : 1 }", "{ \"Person.EmailKey\" : 1 }", "{ \"NextEscalationAt\" : 1 }", "{ \"NextUnassignedDueAt\" : 1 }", "{ \"TierAAssignedSince\" : 1 }", "{ \"DueTimesVersion\" : 1 }", "{ \"CreatedAt\" : -1 }", "{ \"Status\" : 1, \"UpdatedAt\" : -1 }", "{ \"QuoteRequestIds\" : 1 }", "{ \"UpdatedAt\" : 1 }"],
            Keys(new MongoLeadStore(Database()).IndexModels()));
        Assert.Equal(["{ \"HasPendingOutbox\" : 1 }", "{ \"Email\" : 1 }"], Keys(new MongoUserAccountStore(Database()).IndexModels()));
        // Two accounts can never share a sign-in email.
        Assert.True(new MongoUserAccountStore(Database()).IndexModels().Last().Options.Unique);
    }

    [Fact]
    public void The_dashboard_queries_render_to_their_fields()
    {
        Assert.Equal(BsonDocument.Parse("{ Email: 'ana@clinic.example' }"), Render(MongoUserAccountStore.ByEmail("ana@clinic.example")));
        Assert.Equal(BsonDocument.Parse("{ Status: 'not_eligible' }"), Render(MongoLeadStore.InStatus(LeadStatus.NotEligible)));
        Assert.Equal(BsonDocument.Parse("{ CreatedAt: { $gte: ISODate('2026-11-24T10:00:00Z') } }"),
            Render(MongoLeadStore.CreatedSince(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void The_inbound_SMS_lookup_matches_the_person_s_E164_phone_by_its_keyed_hash_once_personal_data_is_sealed()
    {
        // The protector is process-wide (the driver's serializer registry is): another test may have set it.
        var expected = MongoConventions.Protector is { } protector
            ? new BsonDocument("Person.PhoneKey", protector.LookupKey("+14155550134"))
            : BsonDocument.Parse("{ 'Person.Phone': '+14155550134' }");
        Assert.Equal(expected, Render(MongoLeadStore.ByPhone("+14155550134")));
    }

    [Fact]
    public void The_lead_of_a_quote_request_is_looked_up_in_its_list_of_quote_requests()
    {
        Assert.Equal(BsonDocument.Parse("{ QuoteRequestIds: UUID('01a20ecf-bdad-70a6-9bdf-cd72a86c180f') }"),
            Render(MongoLeadStore.ByQuoteRequest(Guid.Parse("01a20ecf-bdad-70a6-9bdf-cd72a86c180f"))));
    }

    [Fact]
    public void A_lead_s_evidence_ledger_reads_back_through_BSON_with_every_hash_still_matching()
    {
        var lead = SampleDocuments.Lead();

        var back = BsonSerializer.Deserialize<LeadDocument>(lead.ToBsonDocument());

        Assert.Equal(2, back.Evidence.Count);
        Assert.Equal(JsonSerializer.Serialize(lead.Evidence, Json), JsonSerializer.Serialize(back.Evidence, Json));
        Assert.True(EvidenceChain.Verify(back.Evidence).IsIntact);
        var bson = lead.ToBsonDocument();
        Assert.Equal(BsonType.DateTime, bson["Evidence"][0]["DecidedAt"].BsonType);
        Assert.Equal(BsonType.Binary, bson["Outreach"][0]["_id"].BsonType);
    }

    private static IMongoDatabase Database() => new MongoClient("mongodb://127.0.0.1:1").GetDatabase("not-contacted");

    private static List<string> Keys<T>(IEnumerable<CreateIndexModel<T>> models) =>
        models.Select(m => m.Keys.Render(Args<T>()).ToJson()).ToList();

    private static BsonDocument Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}
