using System.Runtime.CompilerServices;
using LiteDB;

namespace LeadPlatform.ServiceDefaults.Storage;

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

    /// <returns>The exception to throw instead of <paramref name="error"/>.</returns>
    public static StoreFailedException Fail(LiteDatabase database, string store, Exception error)
    {
        if (Failed.TryAdd(database, error)) KeepFromFlushingAtFinalization(database);
        return new StoreFailedException($"A write to the {store} store failed; the LiteDB file is not used again until the service restarts.", error);
    }

    /// <summary>
    /// LiteDB's engine has a finalizer that closes it, and closing checkpoints its in-memory pages into the file: after a
    /// failed write those pages are the suspect state this class exists to keep out of the file, and the checkpoint throws
    /// on the finalizer thread, which ends the process. So a failed engine is never finalized; the restart that the
    /// failure asks for releases its file.
    /// </summary>
    private static void KeepFromFlushingAtFinalization(LiteDatabase database)
    {
        foreach (var field in typeof(LiteDatabase).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
        {
            if (typeof(LiteDB.Engine.ILiteEngine).IsAssignableFrom(field.FieldType) && field.GetValue(database) is { } engine) GC.SuppressFinalize(engine);
        }
    }
}
