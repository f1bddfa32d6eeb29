namespace LeadPlatform.FollowUp.Templates;

/// <summary>The body of <c>POST /api/v1/templates</c> and <c>PUT /api/v1/templates/{id}</c>.</summary>
/// <param name="Version">On a change: the version you read; if someone saved it since, 409 and nothing changes.</param>
public sealed record TemplateBody(string? Name, string? Channel, string? Language, string? Condition, string? Subject, string? Body, long? Version)
{
    public TemplateFields Fields => new(Name, Channel, Language, Condition, Subject, Body);
}
