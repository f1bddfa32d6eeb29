using LiteDB;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Privacy;

namespace LeadPlatform.FollowUp.Storage;

public sealed class LiteDbLeadStore : LiteDbDocumentStore<LeadDocument>, ILeadStore
{
    public const string CollectionName = "leads";
    private readonly PersonalDataProtector? _protector;

    public LiteDbLeadStore(LiteDatabase database) : base(database, CollectionName)
    {
        LiteDbFiles.UseNames(database, FollowUpTaskStatuses.Map);
        LiteDbFiles.UseNames(database, OutreachStatuses.Map);
        LiteDbFiles.UseNames(database, LeadStatuses.Map);
        LiteDbFiles.UseNames(database, TimelineKinds.Map);
        LiteDbFiles.SealFields<OutreachRecord>(database, OutreachRecord.SealedPurpose, OutreachRecord.SealedFields);
        LiteDbFiles.SealFields<TimelineEntry>(database, TimelineEntry.SealedPurpose, TimelineEntry.SealedFields);
        LiteDbFiles.SealFields<CallRecord>(database, CallRecord.SealedPurpose, CallRecord.SealedFields);
        LiteDbFiles.SealFields<WithheldDraft>(database, WithheldDraft.SealedPurpose, WithheldDraft.SealedFields);
        LiteDbFiles.SealFields<Consultations.Consultation>(database, Consultations.Consultation.SealedPurpose, Consultations.Consultation.SealedFields);
        LiteDbFiles.SealFields<Consultations.ContactCorrection>(database, Consultations.ContactCorrection.SealedPurpose, Consultations.ContactCorrection.SealedFields);
        LiteDbFiles.SealFields<Consultations.ConsentedContact>(database, Consultations.ConsentedContact.SealedPurpose, Consultations.ConsentedContact.SealedFields);
        Collection.EnsureIndex(x => x.NextDueAt);
        // A sealed person keeps only the keyed hash of its phone in clear: an inbound SMS's sender is found by it.
        _protector = LiteDbFiles.ProtectorOf(database);
        if (_protector is null) Collection.EnsureIndex(x => x.Person!.Phone);
        else Collection.EnsureIndex("PersonPhoneKey", $"$.Person.{SealedTypes.PhoneKeyField}");
        if (_protector is null) Collection.EnsureIndex("PersonEmail", "LOWER($.Person.Email)");
        else Collection.EnsureIndex("PersonEmailKey", $"$.Person.{SealedTypes.EmailKeyField}");
        Collection.EnsureIndex(x => x.NextEscalationAt);
        Collection.EnsureIndex(x => x.NextUnassignedDueAt);
        Collection.EnsureIndex(x => x.TierAAssignedSince);
        Collection.EnsureIndex(x => x.DueTimesVersion);
        Collection.EnsureIndex(x => x.CreatedAt);
        Collection.EnsureIndex(x => x.UpdatedAt);
        Collection.EnsureIndex(x => x.Status);
        Collection.EnsureIndex("QuoteRequestIds", "$.QuoteRequestIds[*]");
    }

    public Task<LeadDocument?> FindByQuoteRequestAsync(Guid quoteRequestId, CancellationToken cancellationToken = default) =>
        Task.FromResult<LeadDocument?>(Collection.FindOne(BsonExpression.Create("$.QuoteRequestIds[*] ANY = @0", new BsonValue(quoteRequestId))));

    public Task<IReadOnlyList<LeadDocument>> FindOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            Collection.Query().Where(x => x.NextEscalationAt != null && x.NextEscalationAt <= now).OrderBy(x => x.NextEscalationAt).Limit(max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindWithOpenTasksAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            Collection.Query().Where(x => x.NextDueAt != null).OrderBy(x => x.NextDueAt).Limit(max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindWithUnassignedTasksAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            Collection.Query().Where(x => x.NextUnassignedDueAt != null).OrderBy(x => x.NextUnassignedDueAt).Limit(max).ToList());

    /// <summary>
    /// A range on the index from the earliest date: a lead without the time is indexed as null, which sorts below every
    /// date, so "not null and at most" as a filter would walk (and read) every such lead; the range reads none of them.
    /// </summary>
    public Task<IReadOnlyList<LeadDocument>> FindTierAAssignedBeforeAsync(DateTimeOffset assignedBefore, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(Collection.Find(
            Query.Between(nameof(LeadDocument.TierAAssignedSince), new BsonValue(DateTime.MinValue), new BsonValue(assignedBefore.UtcDateTime)), limit: max).ToList());

    /// <summary>
    /// The leads with an open task on the NextDueAt index (a range from the earliest date: the leads without one, indexed as
    /// null, are not walked), and of each only its tasks, as BSON: nothing is mapped or unsealed.
    /// </summary>
    public Task<Dictionary<string, int>> CountOpenTasksByAssigneeAsync(CancellationToken cancellationToken = default)
    {
        LiteDbFailure.ThrowIfFailed(Database);
        var open = FollowUpTaskStatuses.Map.NameOf(FollowUpTaskStatus.Open);
        var load = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var withOpenTasks = Database.GetCollection(CollectionName).Query()
            .Where(Query.Between(nameof(LeadDocument.NextDueAt), new BsonValue(DateTime.MinValue), new BsonValue(DateTime.MaxValue)))
            .Select(BsonExpression.Create($"{{ t: $.{nameof(LeadDocument.Tasks)} }}"))
            .ToEnumerable();
        foreach (var lead in withOpenTasks)
        {
            if (!lead["t"].IsArray) continue;
            foreach (var task in lead["t"].AsArray)
            {
                if (!task.IsDocument || task[nameof(FollowUpTask.Status)] is not { IsString: true } status || status.AsString != open) continue;
                if (task[nameof(FollowUpTask.AssignedTo)] is { IsString: true } assignee) load[assignee.AsString] = load.GetValueOrDefault(assignee.AsString) + 1;
            }
        }
        return Task.FromResult(load);
    }

    /// <summary>
    /// On the DueTimesVersion index (a lead an older version wrote has no such field and is indexed as null, below every
    /// number): only the stale leads are read, and only their ids are taken; nothing is mapped or unsealed.
    /// </summary>
    public Task<IReadOnlyList<Guid>> FindWithStaleDueTimesAsync(int max, CancellationToken cancellationToken = default)
    {
        LiteDbFailure.ThrowIfFailed(Database);
        var stale = Database.GetCollection(CollectionName).Query()
            .Where(BsonExpression.Create($"$.{nameof(LeadDocument.DueTimesVersion)} < @0", new BsonValue(LeadDocument.CurrentDueTimesVersion)))
            .Select(BsonExpression.Create("{ _id: $._id }"))
            .Limit(max)
            .ToEnumerable()
            .Select(d => d["_id"].AsGuid)
            .ToList();
        return Task.FromResult<IReadOnlyList<Guid>>(stale);
    }

    public Task<IReadOnlyList<LeadDocument>> FindInactiveAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(Collection.Find(LiteDbQuery.LessThan(nameof(LeadDocument.UpdatedAt), cutoff.UtcDateTime))
            .Where(x => x.ErasedAt is null).Take(max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindByPhoneAsync(string e164, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(_protector is null
            ? Collection.Find(x => x.Person!.Phone == e164, limit: max).ToList()
            : Collection.Find(LiteDbQuery.Equal($"$.Person.{SealedTypes.PhoneKeyField}", _protector.LookupKey(e164)), limit: max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindByEmailAsync(string email, int max, CancellationToken cancellationToken = default)
    {
        var forms = EmailForms(email);
        return Task.FromResult<IReadOnlyList<LeadDocument>>(_protector is null
            ? Collection.Find(Query.EQ("LOWER($.Person.Email)", forms[^1]), limit: max).ToList()
            : Collection.Find(Query.In($"$.Person.{SealedTypes.EmailKeyField}", forms.Select(f => new BsonValue(_protector.LookupKey(f))).ToArray()), limit: max).ToList());
    }

    /// <summary>The address as given and in lower case (intake keeps what the person typed; the sealed key is of that).</summary>
    internal static string[] EmailForms(string email)
    {
        var trimmed = email.Trim();
        var lower = trimmed.ToLowerInvariant();
        return trimmed == lower ? [lower] : [trimmed, lower];
    }

    public Task<IReadOnlyList<LeadDocument>> FindCreatedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            Collection.Query().Where(x => x.CreatedAt >= since).OrderByDescending(x => x.CreatedAt).Limit(max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindByStatusAsync(LeadStatus status, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            // The stored word, not the enum: LiteDB's LINQ writes an enum constant as its own name, not through the mapper.
            Collection.Query().Where(BsonExpression.Create("$.Status = @0", new BsonValue(LeadStatuses.Map.NameOf(status))))
                .OrderByDescending(x => x.UpdatedAt).Limit(max).ToList());

    public Task<IReadOnlyList<LeadDocument>> FindActiveBetweenAsync(DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LeadDocument>>(
            Collection.Query().Where(x => x.UpdatedAt >= from && x.CreatedAt <= to).OrderBy(x => x.CreatedAt).Limit(max).ToList());
}
