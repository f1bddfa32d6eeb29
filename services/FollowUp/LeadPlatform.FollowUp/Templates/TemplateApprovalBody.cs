namespace LeadPlatform.FollowUp.Templates;

/// <summary>The body of <c>POST /api/v1/templates/{id}/approve</c>: the revision the reviewer read (edited since: 409).</summary>
public sealed class TemplateApprovalBody
{
    public long? Revision { get; set; }
}
