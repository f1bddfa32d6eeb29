using MongoDB.Bson;
using MongoDB.Driver;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Privacy;

namespace LeadPlatform.FollowUp.Storage;

public sealed class MongoLeadStore(IMongoDatabase database) : MongoDocumentStore<LeadDocument>(database, CollectionName), ILeadStore
{
    public const string CollectionName = "leads";

    /// <summary>
    /// Runs when this assembly loads, before anything can ask MongoDB for an <see cref="OutreachRecord"/> serializer: once
    /// one has been looked up (a test serialising a lead, a query rendered early) the sealing one can no longer be registered.
    /// </summary>
#pragma warning disable CA2255 // A library module initializer is exactly what makes the registration independent of first use.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterSealedFields()
    {
        MongoDB.Bson.Serialization.BsonSerializer.TryRegisterSerializer(new LeadPlatform.Storage.Names.NameMapBsonSerializer<FollowUpTaskStatus>(FollowUpTaskStatuses.Map));
        MongoDB.Bson.Serialization.BsonSerializer.TryRegisterSerializer(new LeadPlatform.Storage.Names.NameMapBsonSerializer<OutreachStatus>(OutreachStatuses.Map));
        MongoDB.Bson.Serialization.BsonSerializer.TryRegisterSerializer(new LeadPlatform.Storage.Names.NameMapBsonSerializer<LeadStatus>(LeadStatuses.Map));
        MongoDB.Bson.Serialization.BsonSerializer.TryRegisterSerializer(new LeadPlatform.Storage.Names.NameMapBsonSerializer<TimelineKind>(TimelineKinds.Map));
        MongoConventions.SealFields<OutreachRecord>(OutreachRecord.SealedPurpose, OutreachRecord.SealedFields);
        MongoConventions.SealFields<TimelineEntry>(TimelineEntry.SealedPurpose, TimelineEntry.SealedFields);
        MongoConventions.SealFields<CallRecord>(CallRecord.SealedPurpose, CallRecord.SealedFields);
        MongoConventions.SealFields<WithheldDraft>(WithheldDraft.SealedPurpose, WithheldDraft.SealedFields);
        MongoConventions.SealFields<Consultations.Consultation>(Consultations.Consultation.SealedPurpose, Consultations.Consultation.SealedFields);
        MongoConventions.SealFields<Consultations.ContactCorrection>(Consultations.ContactCorrection.SealedPurpose, Consultations.ContactCorrection.SealedFields);
        MongoConventions.SealFields<Consultations.ConsentedContact>(Consultations.ConsentedContact.SealedPurpose, Consultations.ConsentedContact.SealedFields);
    }

    public static FilterDefinition<LeadDocument> WithOpenTask() => Filter.Ne(x => x.NextDueAt, null);

    public static SortDefinition<LeadDocument> MostUrgentFirst() => Builders<LeadDocument>.Sort.Ascending(x => x.NextDueAt);

    public static FilterDefinition<LeadDocument> OverdueAt(DateTimeOffset now) => Filter.Lte(x => x.NextEscalationAt, now);

    public static SortDefinition<LeadDocument> MostOverdueFirst() => Builders<LeadDocument>.Sort.Ascending(x => x.NextEscalationAt);


    /// <summary>By the keyed hash of the phone, kept beside the sealed person; in clear only where nothing is sealed (tests).</summary>
    public static FilterDefinition<LeadDocument> ByPhone(string e164) => MongoConventions.Protector is { } protector
        ? Filter.Eq($"{nameof(LeadDocument.Person)}.{SealedTypes.PhoneKeyField}", protector.LookupKey(e164))
        : Filter.Eq($"{nameof(LeadDocument.Person)}.{nameof(LeadDocument.Person.Phone)}", e164);

    /// <summary>By the keyed hash of the email (as given, or lower case); in clear (either case) where nothing is sealed.</summary>
    public static FilterDefinition<LeadDocument> ByEmail(string email)
    {
        var forms = LiteDbLeadStore.EmailForms(email);
        return MongoConventions.Protector is { } protector
            ? Filter.In($"{nameof(LeadDocument.Person)}.{SealedTypes.EmailKeyField}", forms.Select(f => protector.LookupKey(f)))
            : Filter.Regex($"{nameof(LeadDocument.Person)}.{nameof(LeadDocument.Person.Email)}",
                new MongoDB.Bson.BsonRegularExpression("^" + System.Text.RegularExpressions.Regex.Escape(email.Trim()) + "$", "i"));
    }

    public override IEnumerable<CreateIndexModel<LeadDocument>> IndexModels() =>
    [
        .. base.IndexModels(),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.NextDueAt), new CreateIndexOptions { Name = "next_due", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending($"{nameof(LeadDocument.Person)}.{SealedTypes.PhoneKeyField}"), new CreateIndexOptions { Name = "person_phone_key", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending($"{nameof(LeadDocument.Person)}.{SealedTypes.EmailKeyField}"), new CreateIndexOptions { Name = "person_email_key", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.NextEscalationAt), new CreateIndexOptions { Name = "next_escalation", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.NextUnassignedDueAt), new CreateIndexOptions { Name = "next_unassigned_due", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.TierAAssignedSince), new CreateIndexOptions { Name = "tier_a_assigned_since", Sparse = true }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.DueTimesVersion), new CreateIndexOptions { Name = "due_times_version" }),
        new(Builders<LeadDocument>.IndexKeys.Descending(x => x.CreatedAt), new CreateIndexOptions { Name = "created_at" }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.Status).Descending(x => x.UpdatedAt), new CreateIndexOptions { Name = "status_updated" }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.QuoteRequestIds), new CreateIndexOptions { Name = "quote_request_ids" }),
        new(Builders<LeadDocument>.IndexKeys.Ascending(x => x.UpdatedAt), new CreateIndexOptions { Name = "updated_at" }),
    ];

    /// <summary>The lead whose submissions include this quote request.</summary>
    public static FilterDefinition<LeadDocument> ByQuoteRequest(Guid quoteRequestId) => Filter.AnyEq(x => x.QuoteRequestIds, quoteRequestId);

    public async Task<LeadDocument?> FindByQuoteRequestAsync(Guid quoteRequestId, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ByQuoteRequest(quoteRequestId)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(OverdueAt(now)).Sort(MostOverdueFirst()).Limit(max).ToListAsync(cancellationToken);
    }

    public static FilterDefinition<LeadDocument> CreatedSince(DateTimeOffset since) => Filter.Gte(x => x.CreatedAt, since);

    public static FilterDefinition<LeadDocument> InStatus(LeadStatus status) => Filter.Eq(x => x.Status, status);

    public async Task<IReadOnlyList<LeadDocument>> FindWithOpenTasksAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(WithOpenTask()).Sort(MostUrgentFirst()).Limit(max).ToListAsync(cancellationToken);
    }

    /// <summary>Grouped by the server (the open tasks of the leads with one, on the NextDueAt index): no lead comes back, nothing is unsealed.</summary>
    public async Task<Dictionary<string, int>> CountOpenTasksByAssigneeAsync(CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        var open = FollowUpTaskStatuses.Map.NameOf(FollowUpTaskStatus.Open);
        var tasks = nameof(LeadDocument.Tasks);
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument(nameof(LeadDocument.NextDueAt), new BsonDocument("$ne", BsonNull.Value))),
            new BsonDocument("$project", new BsonDocument(tasks, 1)),
            new BsonDocument("$unwind", "$" + tasks),
            new BsonDocument("$match", new BsonDocument
            {
                [$"{tasks}.{nameof(FollowUpTask.Status)}"] = open,
                [$"{tasks}.{nameof(FollowUpTask.AssignedTo)}"] = new BsonDocument("$type", "string"),
            }),
            new BsonDocument("$group", new BsonDocument { ["_id"] = $"${tasks}.{nameof(FollowUpTask.AssignedTo)}", ["n"] = new BsonDocument("$sum", 1) }),
        };
        var load = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var raw = Collection.Database.GetCollection<BsonDocument>(Collection.CollectionNamespace.CollectionName);
        foreach (var group in await raw.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken))
        {
            var assignee = group["_id"].AsString;
            load[assignee] = load.GetValueOrDefault(assignee) + group["n"].ToInt32(); // ids differing only in case: one assignee
        }
        return load;
    }

    public async Task<IReadOnlyList<LeadDocument>> FindWithUnassignedTasksAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Ne(x => x.NextUnassignedDueAt, null)).Sort(Builders<LeadDocument>.Sort.Ascending(x => x.NextUnassignedDueAt))
            .Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindTierAAssignedBeforeAsync(DateTimeOffset assignedBefore, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.Lte(x => x.TierAAssignedSince, assignedBefore)).Sort(Builders<LeadDocument>.Sort.Ascending(x => x.TierAAssignedSince))
            .Limit(max).ToListAsync(cancellationToken);
    }

    /// <summary>A projection of the ids only: no sealed field is read.</summary>
    public async Task<IReadOnlyList<Guid>> FindWithStaleDueTimesAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        var stale = Filter.Or(Filter.Exists(x => x.DueTimesVersion, false), Filter.Lt(x => x.DueTimesVersion, LeadDocument.CurrentDueTimesVersion));
        return await Collection.Find(stale).Limit(max).Project(x => x.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindInactiveAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(Filter.And(Filter.Lt(x => x.UpdatedAt, cutoff), Filter.Eq(x => x.ErasedAt, null))).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindByPhoneAsync(string e164, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ByPhone(e164)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindByEmailAsync(string email, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ByEmail(email)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindCreatedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(CreatedSince(since)).Sort(Builders<LeadDocument>.Sort.Descending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LeadDocument>> FindByStatusAsync(LeadStatus status, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(InStatus(status)).Sort(Builders<LeadDocument>.Sort.Descending(x => x.UpdatedAt)).Limit(max).ToListAsync(cancellationToken);
    }

    /// <summary>Created at or before <paramref name="to"/> and changed at or after <paramref name="from"/>.</summary>
    public static FilterDefinition<LeadDocument> ActiveBetween(DateTimeOffset from, DateTimeOffset to) =>
        Filter.And(Filter.Gte(x => x.UpdatedAt, from), Filter.Lte(x => x.CreatedAt, to));

    public async Task<IReadOnlyList<LeadDocument>> FindActiveBetweenAsync(DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken = default)
    {
        await EnsureIndexesAsync(cancellationToken);
        return await Collection.Find(ActiveBetween(from, to)).Sort(Builders<LeadDocument>.Sort.Ascending(x => x.CreatedAt)).Limit(max).ToListAsync(cancellationToken);
    }
}
