namespace LeadPlatform.Storage;

/// <summary>
/// BSON (MongoDB and LiteDB alike) keeps times to the millisecond. Times that are stored are taken through here,
/// so a document reads back exactly as it was written.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset UtcNow(this TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
