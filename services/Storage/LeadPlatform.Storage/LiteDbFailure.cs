using System.Runtime.CompilerServices;
using LiteDB;

namespace LeadPlatform.Storage;

/// <summary>
/// A LiteDB write that fails (file made read-only, disk full, I/O error) leaves that <see cref="LiteDatabase"/>'s
/// in-memory state unusable: in LiteDB 5.0.21 readers then see the document of the failed insert (which never reached
/// the file) and later writes fail or hang, even after the file is writable again. Found by the fault test that makes
/// intake's file read-only (<c>Intake_store_failing</c>). So the first write that fails that way marks the database failed: from then
/// on every operation of every store on it throws <see cref="StoreFailedException"/> (intake answers 503, consumers
/// retry and then dead-letter, the outbox dispatcher publishes nothing it cannot trust), readiness and liveness report
/// it, and a restart reopens the file at its last committed state.
/// </summary>
public static class LiteDbFailure
{
    private static readonly ConditionalWeakTable<LiteDatabase, Exception> Failed = new();

    public static void ThrowIfFailed(LiteDatabase database)
    {
        if (Failed.TryGetValue(database, out var first))
            throw new StoreFailedException("The LiteDB file failed a write earlier; restart the service once the file is writable again.", first);
    }

    /// <summary>
    /// The failures that leave the engine suspect: I/O errors, and LiteDB's own "invalid state" checks that follow them
    /// (a write refused by the kernel surfaces as "discarded page must be writable"). Not a lock timeout or a bad document.
    /// </summary>
    public static bool IsFileFailure(Exception error) =>
        error is IOException or UnauthorizedAccessException
        || error is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE }
        || error.InnerException is IOException or UnauthorizedAccessException;

    public static bool HasFailed(LiteDatabase database) => Failed.TryGetValue(database, out _);

    /// <summary>Called when a store on a failed database closes: transactions opened since the failure are not finalized either.</summary>
    public static void Abandon(LiteDatabase database)
    {
        if (HasFailed(database)) KeepFromFlushingAtFinalization(database);
    }

    /// <returns>The exception to throw instead of <paramref name="error"/>.</returns>
    public static StoreFailedException Fail(LiteDatabase database, string store, Exception error)
    {
        if (Failed.TryAdd(database, error)) KeepFromFlushingAtFinalization(database);
        return new StoreFailedException($"A write to the {store} store failed; the LiteDB file is not used again until the service restarts.", error);
    }

    /// <summary>
    /// LiteDB's transactions have a finalizer that rolls them back, and after a failed write that rollback throws ("discarded
    /// page must be writable") on the finalizer thread, which ends the process. So the open transactions of a failed
    /// database (found by walking its engine's LiteDB objects) are never finalized; the restart that the failure asks for
    /// releases the file.
    /// </summary>
    private static void KeepFromFlushingAtFinalization(LiteDatabase database)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(database, 0);

        void Walk(object? node, int depth)
        {
            if (node is null || depth > 5 || !visited.Add(node)) return;
            var type = node.GetType();
            if (type.Assembly != typeof(LiteDatabase).Assembly)
            {
                // Only plain collections (the engine keeps its open transactions in a dictionary): never an arbitrary
                // enumerable, whose enumeration could run code or wait. A collection changed meanwhile is skipped.
                try
                {
                    if (node is System.Collections.IDictionary dictionary)
                        foreach (var value in dictionary.Values) Walk(value, depth + 1);
                    else if ((node is Array array && !array.GetType().GetElementType()!.IsValueType) || node is System.Collections.IList and not Array)
                        foreach (var item in (System.Collections.IEnumerable)node) Walk(item, depth + 1);
                }
                catch (InvalidOperationException)
                {
                }
                return;
            }
            if (type.Name == "TransactionService") GC.SuppressFinalize(node);
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsValueType || field.FieldType == typeof(string)) continue;
                    Walk(field.GetValue(node), depth + 1);
                }
            }
        }
    }
}
