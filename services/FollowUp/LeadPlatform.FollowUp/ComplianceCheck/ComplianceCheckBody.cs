namespace LeadPlatform.FollowUp.ComplianceCheck;

/// <summary>A draft to preview. With a lead id, the lead's facts (consent, opt-outs, quiet hours, history) are checked too.</summary>
public sealed class ComplianceCheckBody
{
    public Guid? LeadId { get; set; }
    /// <summary>For example spondylolysis; default the lead's when a lead id is given.</summary>
    public string? Condition { get; set; }
    public string? Channel { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Language { get; set; }
    /// <summary>With a lead id: the approved template the draft was started from (its filled-in text is not screened again).</summary>
    public Guid? TemplateId { get; set; }
}
