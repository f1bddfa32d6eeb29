using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.FollowUp.Templates;

/// <summary>
/// A reusable outreach text for one channel and language, written by an admin and screened by the compliance gate every
/// time it is saved (a template the gate blocks is never stored). Coordinators start a message from it on the compose
/// page; the message is screened again when it is sent, with the lead's own facts. It holds no personal data.
/// </summary>
public sealed class MessageTemplate : StoredDocument
{
    public string Name { get; set; } = string.Empty;

    /// <summary><c>email</c> or <c>sms</c>.</summary>
    public string Channel { get; set; } = "email";

    /// <summary>The language the text is written in (its disclaimers are that language's).</summary>
    public string Language { get; set; } = "en";

    /// <summary>The condition whose evidence disclaimers the template was screened with.</summary>
    public string Condition { get; set; } = TemplateService.DefaultCondition;

    public string? Subject { get; set; }
    public string Body { get; set; } = string.Empty;

    /// <summary>A retired template is no longer offered on the compose page; it stays for the record.</summary>
    public bool Retired { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What the gate said when this version was saved.</summary>
    public TemplateScreening? Screening { get; set; }
}

/// <summary>The gate's answer to a saved template: when, and which disclaimers (id and version) it would attach.</summary>
public sealed class TemplateScreening
{
    public DateTimeOffset At { get; set; }
    public string Decision { get; set; } = string.Empty;
    public List<string> Disclaimers { get; set; } = [];
}
