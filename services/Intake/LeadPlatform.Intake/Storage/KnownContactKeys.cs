using System.Diagnostics.CodeAnalysis;
using LiteDB;

namespace LeadPlatform.Intake.Storage;

/// <summary>
/// Every email and phone key a LiteDB file of quote requests may hold, kept in memory as 64-bit hashes: a key that is
/// not here is in no stored request, so the lookup of a new person's earlier requests answers "none" without a query
/// (LiteDB's read transaction, snapshot and plan for an index seek that finds nothing were 7% of intake's CPU in a
/// profile). A key that is here (or a hash collision) is looked up as before.
/// <para>
/// It only ever grows, so it stays a superset: the keys of every request in the file when it was opened (read in the
/// background, in short pages; until then every lookup queries), and those of every request written since, added before the
/// write is queued (<see cref="LiteDbQuoteRequestStore"/>'s inserts and replaces: the only writes that set these keys; an
/// erasure clears them, which leaves a stale hash here and costs a query that finds nothing). A LiteDB file has one
/// writer, this process; the keys are shared by every store opened on the same <see cref="LiteDatabase"/>.
/// About 40 bytes per request in memory.
/// </para>
/// </summary>
internal sealed class KnownContactKeys
{
    private const int Page = 2000;
    private readonly HashSet<ulong> _hashes = [];
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _isLoaded;

    /// <summary>Completes once the keys of the requests stored before the file was opened have been read (or could not be: then every lookup queries).</summary>
    public Task Loaded => _loaded.Task;

    /// <summary>False only when no stored request can have <paramref name="key"/> (null: no key, nothing to find).</summary>
    public bool MayBeStored([NotNullWhen(true)] string? key)
    {
        if (key is null) return false;
        if (!_isLoaded) return true;
        var hash = Hash(key);
        lock (_hashes) return _hashes.Contains(hash);
    }

    public void Add(string? key)
    {
        if (key is null) return;
        var hash = Hash(key);
        lock (_hashes) _hashes.Add(hash);
    }

    /// <summary>Reads the keys of every stored request, a page of ids at a time (a short read transaction each: a long one would hold up the writer's checkpoints).</summary>
    public void Load(ILiteCollection<BsonDocument> requests)
    {
        try
        {
            BsonValue after = BsonValue.MinValue;
            while (true)
            {
                var page = requests.Query()
                    .Where(BsonExpression.Create("$._id > @0", after))
                    .OrderBy(BsonExpression.Create("$._id"))
                    .Select(BsonExpression.Create("{ i: $._id, e: $.EmailKey, p: $.PhoneKey }"))
                    .Limit(Page)
                    .ToList();
                foreach (var keys in page)
                {
                    if (keys["e"] is { IsString: true } email) Add(email.AsString);
                    if (keys["p"] is { IsString: true } phone) Add(phone.AsString);
                }
                if (page.Count < Page) break;
                after = page[^1]["i"];
            }
            _isLoaded = true;
        }
#pragma warning disable CA1031 // Not loaded means every lookup queries, as before: slower, never wrong (a file closed meanwhile, a failed file).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        _loaded.TrySetResult();
    }

    /// <summary>FNV-1a, 64 bits, over the key's characters (the keys are HMAC hex strings).</summary>
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
