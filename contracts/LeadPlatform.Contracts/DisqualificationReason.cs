namespace LeadPlatform.Contracts;

/// <summary>Why a request is not eligible, for example under_18.</summary>
public sealed record DisqualificationReason
{
    public required string Rule { get; init; }
    public required string Text { get; init; }
}
