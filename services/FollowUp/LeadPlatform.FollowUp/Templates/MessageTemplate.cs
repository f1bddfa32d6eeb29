using LeadPlatform.Storage;

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

    /// <summary>Counts the saves of the text (not of retiring or approving): an edit makes a new revision, which needs approval again.</summary>
    public long Revision { get; set; }

    /// <summary>The revision a compliance officer (or admin) approved, who, and when; null: never approved.</summary>
    public long? ApprovedRevision { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The current text is approved.</summary>
    public bool IsApproved => ApprovedRevision is { } approved && approved == Revision && Revision > 0;

    /// <summary>Coordinators may start a message from it: approved in this revision, and not retired.</summary>
    public bool IsUsable => IsApproved && !Retired;

    /// <summary>What the evidence names when a message is made from this revision.</summary>
    public string ContentId => $"template:{Id:D}@{Revision}";
}

/// <summary>The gate's answer to a saved template: when, and which disclaimers (id and version) it would attach.</summary>
public sealed class TemplateScreening
{
    public DateTimeOffset At { get; set; }
    public string Decision { get; set; } = string.Empty;
    public List<string> Disclaimers { get; set; } = [];
}
