namespace LeadPlatform.FollowUp.Templates;

/// <summary>What an admin writes into a template (the API's body and the dashboard's form).</summary>
public sealed record TemplateFields(string? Name, string? Channel, string? Language, string? Condition, string? Subject, string? Body);
