namespace LeadPlatform.Contracts;

/// <summary>What the person asks about.</summary>
public sealed record InquiryDetails
{
    /// <summary>A known condition code (spondylolysis first) or other.</summary>
    public required string Condition { get; init; }
    public string? ConditionOther { get; init; }
    public int? SymptomDurationMonths { get; init; }
    /// <summary>rest, physical_therapy, bracing, injections, surgery.</summary>
    public IReadOnlyList<string> TreatmentsTried { get; init; } = [];
    public string? Message { get; init; }
}
