namespace LeadPlatform.FollowUp.Import;

/// <summary>Limits of one CSV import (<c>FollowUp:Import</c>): a bigger file is refused with a clear error, to be split.</summary>
public sealed class ImportOptions
{
    /// <summary>The largest file accepted, in bytes (default 1 MiB).</summary>
    public int MaxBytes { get; set; } = 1024 * 1024;

    /// <summary>The most data rows (lines after the header) accepted in one file (default 1,000).</summary>
    public int MaxRows { get; set; } = 1000;
}
