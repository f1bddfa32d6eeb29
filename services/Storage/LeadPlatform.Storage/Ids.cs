namespace LeadPlatform.Storage;

/// <summary>The one place ids come from: version 7 GUIDs, so ids sort by creation time.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
