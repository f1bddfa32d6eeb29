using System.Text.Json.Serialization;

namespace LeadPlatform.FollowUp.Templates;

/// <summary>A template as written: the body of <c>POST /api/v1/templates</c> and <c>PUT /api/v1/templates/{id}</c>, and the dashboard's form.</summary>
public sealed class TemplateBody
{
    public string? Name { get; set; }
    public string? Channel { get; set; }
    public string? Language { get; set; }
    public string? Condition { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }

    /// <summary>On a change: the version you read; if someone saved it since, 409 and nothing changes.</summary>
    public long? Version { get; set; }

    [JsonIgnore]
    public TemplateFields Fields => new(Name, Channel, Language, Condition, Subject, Body);
}
