namespace LeadPlatform.Contracts;

/// <summary>Where a quote request came from: the form, the page, the campaign and the client.</summary>
public sealed record SubmissionSource
{
    public required string FormId { get; init; }
    public string? PageUrl { get; init; }
    public string? Referrer { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? UtmTerm { get; init; }
    public string? UtmContent { get; init; }
    public string? ClientIp { get; init; }
    public string? UserAgent { get; init; }
}
