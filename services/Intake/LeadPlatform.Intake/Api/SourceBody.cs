namespace LeadPlatform.Intake.Api;

/// <summary>Attribution: the form, the page and the campaign.</summary>
public sealed class SourceBody
{
    public string? FormId { get; set; }
    public string? PageUrl { get; set; }
    public string? Referrer { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? UtmTerm { get; set; }
    public string? UtmContent { get; set; }
}
