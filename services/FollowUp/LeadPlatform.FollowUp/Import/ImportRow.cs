namespace LeadPlatform.FollowUp.Import;

/// <summary>One data row of an import: what will happen to it, its errors by field and warnings in plain words, and possible same persons.</summary>
public sealed class ImportRow
{
    public const string Create = "create";
    public const string PossibleSamePerson = "possible_same_person";
    public const string Error = "error";

    /// <summary>The line in the file (the header is line 1).</summary>
    public int Line { get; set; }
    public string Outcome { get; set; } = Create;
    public List<ImportFieldError> Errors { get; set; } = [];
    public List<string> Warnings { get; set; } = [];
    public List<ImportMatch> PossibleSamePeople { get; set; } = [];
    /// <summary>Channels whose consent the file proves (source, text and date): email, sms, phone.</summary>
    public List<string> ConsentProven { get; set; } = [];
    /// <summary>The lead this row became once applied.</summary>
    public Guid? LeadId { get; set; }
    public ImportPayload Payload { get; set; } = new();
}

/// <summary>An error in one field of a row, in plain words (never the value typed).</summary>
public sealed record ImportFieldError(string Field, string Message);

/// <summary>An existing lead (or an earlier row of the same file, <see cref="Line"/>) that may be the same person, and what matched.</summary>
public sealed record ImportMatch(Guid? LeadId, int? Line, IReadOnlyList<string> Matched);

/// <summary>A row's lead as it will be submitted (person, inquiry, consent), JSON, sealed at rest.</summary>
public sealed class ImportPayload
{
    internal const string SealedPurpose = "lead-import-row";
    internal static readonly string[] SealedFields = [nameof(Json), nameof(Name)];

    public string Json { get; set; } = string.Empty;
    /// <summary>The person's name, for the admin reading the preview.</summary>
    public string Name { get; set; } = string.Empty;
}
