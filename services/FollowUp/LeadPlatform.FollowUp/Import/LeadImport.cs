using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Import;

/// <summary>
/// One uploaded CSV: previewed first (<see cref="Preview"/>), applied once (<see cref="Applied"/>). Applying enqueues one
/// <c>QuoteRequestSubmitted</c> per importable row in this document's outbox, in the same write that marks it applied.
/// The rows' contact data is sealed at rest and emptied once applied (it then lives in the leads).
/// </summary>
public sealed class LeadImport : StoredDocument
{
    public const string Preview = "preview";
    public const string Applied = "applied";

    public string Status { get; set; } = Preview;
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset? AppliedAt { get; set; }
    public string? AppliedBy { get; set; }
    /// <summary>Header as written → the field it was read as.</summary>
    public Dictionary<string, string> Columns { get; set; } = [];
    /// <summary>Headers no field matched (their cells are not imported).</summary>
    public List<string> IgnoredColumns { get; set; } = [];
    public List<ImportRow> Rows { get; set; } = [];
}
