using System.Text.RegularExpressions;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Templates;

/// <summary>
/// Message templates per channel and language. Every save is screened by the compliance gate (claims, and whether the
/// evidence disclaimers for its condition, channel and language exist): a blocked template is refused with the
/// violations and nothing is stored. Placeholders (<c>{first_name}</c>, <c>{condition}</c>, <c>{coordinator}</c>) are
/// filled in on the compose page; the message is screened again, with the lead's facts, when it is sent.
/// </summary>
internal sealed partial class TemplateService(
    ITemplateStore store, ComplianceGate gate, PublicLinks links, IOptions<FollowUpOptions> options, TimeProvider time, ILogger<TemplateService> logger)
{
    public const string DefaultCondition = "spondylolysis";
    public const int MaxTemplates = 500;
    public static readonly IReadOnlyList<string> Placeholders = ["first_name", "condition", "coordinator"];

    public Task<IReadOnlyList<MessageTemplate>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(MaxTemplates, cancellationToken);

    public Task<MessageTemplate?> GetAsync(Guid id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    /// <summary>The templates a coordinator may start a message to <paramref name="lead"/> from: this channel, approved, not retired, the lead's language first.</summary>
    public async Task<IReadOnlyList<MessageTemplate>> OfferedAsync(string channel, LeadDocument lead, CancellationToken cancellationToken = default)
    {
        var language = lead.Person?.Language ?? "en";
        return [.. (await ListAsync(cancellationToken))
            .Where(t => t.IsUsable && t.Channel == channel)
            .OrderBy(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes a template, if its fields are valid and the gate clears it.</summary>
    /// <param name="expectedVersion">The version the admin edited; a save over someone else's newer one is a conflict.</param>
    public async Task<TemplateSaveResult> SaveAsync(Guid? id, TemplateFields fields, long? expectedVersion, string actor, CancellationToken cancellationToken = default)
    {
        var errors = Validate(fields, out var channel);
        if (errors.Count > 0) return new TemplateSaveResult(null, errors, null);
        // What the gate says about it as a template: claims and disclaimers (no lead, so no consent or timing).
        var condition = Condition(fields);
        var screening = gate.Preview(condition, channel, fields.Subject, fields.Body!, Language(fields),
            options.Value.ClinicPostalAddress, unsubscribeUrl: null, fullDisclaimerUrl: links.FullDisclaimerUrl(condition));
        if (screening.Decision == ComplianceDecision.BlockedValue)
        {
            logger.LogInformation("Message template {TemplateId} not saved: the compliance check blocked it ({Rules})",
                id, string.Join(", ", screening.Violations.Select(v => v.Rule).Distinct()));
            return new TemplateSaveResult(null, errors, screening);
        }

        // One attempt, with the version check: a change meanwhile (or an edit of an older version) is the editor's conflict.
        var now = time.GetUtcNow();
        var stale = false;
        var saved = await store.UpdateAsync(id ?? Ids.New(), (template, _) =>
        {
            if (id is not null && expectedVersion is { } version && version != template.Version)
            {
                stale = true;
                return false;
            }
            template.Name = fields.Name!.Trim();
            template.Channel = fields.Channel!.Trim().ToLowerInvariant();
            template.Language = Language(fields);
            template.Condition = condition;
            template.Subject = template.Channel == "email" ? fields.Subject!.Trim() : null;
            template.Body = fields.Body!;
            template.UpdatedBy = actor;
            template.UpdatedAt = now;
            // A new text is a new revision: coordinators get it only once a compliance officer approved it.
            template.Revision++;
            template.Screening = new TemplateScreening
            {
                At = now,
                Decision = screening.Decision,
                Disclaimers = [.. screening.Disclaimers.Select(d => $"{d.Id}@{d.Version}")],
            };
            return true;
        }, new UpdateOptions<MessageTemplate>
        {
            Create = id is null ? () => new MessageTemplate() : null,
            HeldMissing = id is null,
            Attempts = 1,
            ConflictIsOutcome = true,
        }, cancellationToken);
        if (!saved.Found) return new TemplateSaveResult(null, errors, screening, NotFound: true);
        if (stale || !saved.Updated) return new TemplateSaveResult(null, errors, screening, Conflict: true);
        var template = saved.Document!;
        logger.LogInformation("Message template {TemplateId} saved ({Channel}, {Language}), version {Version}, cleared by the compliance check",
            template.Id, template.Channel, template.Language, template.Version);
        return new TemplateSaveResult(template, errors, screening);
    }

    /// <summary>
    /// A compliance officer (or admin) approves the template's current revision: from now on coordinators may start
    /// messages from it, and its text (placeholders filled in) is not screened again when sent.
    /// </summary>
    /// <param name="expectedRevision">The revision the reviewer read; if it was edited since, a conflict and nothing changes.</param>
    public async Task<(MessageTemplate? Template, string? Problem)> ApproveAsync(Guid id, long? expectedRevision, string actor, CancellationToken cancellationToken = default)
    {
        string? problem = null;
        var result = await store.UpdateAsync(id, (template, log) =>
        {
            problem = null;
            if (expectedRevision is { } expected && expected != template.Revision && !(expected == 1 && template.Revision == 0))
            {
                problem = "The template was edited after the version you read: read it again and approve the current text.";
                return false;
            }
            if (template.Screening?.Decision == ComplianceDecision.BlockedValue)
            {
                problem = "The compliance check blocks this text: it cannot be approved.";
                return false;
            }
            if (template.IsApproved) return false;
            if (template.Revision == 0) template.Revision = 1; // written before templates had revisions
            template.ApprovedRevision = template.Revision;
            template.ApprovedBy = actor;
            template.ApprovedAt = time.GetUtcNow();
            log.LogInformation("Message template {TemplateId} revision {Revision} approved", id, template.Revision);
            return true;
        }, new UpdateOptions<MessageTemplate> { Logger = logger }, cancellationToken);
        return (result.Document, problem);
    }

    /// <summary>
    /// The approved text of <paramref name="template"/> as it appears in a message to <paramref name="lead"/> (placeholders
    /// filled in, with the line endings a browser's form sends as well): the claims screen does not screen it again.
    /// Nothing when the template is not approved in its current revision.
    /// </summary>
    public static IReadOnlyList<ApprovedContent> ApprovedContentFor(MessageTemplate template, LeadDocument lead, string coordinator)
    {
        if (!template.IsUsable) return [];
        var (subject, body) = Render(template, lead, coordinator);
        var texts = new List<string> { body, body.ReplaceLineEndings("\n"), body.ReplaceLineEndings("\r\n") };
        if (!string.IsNullOrEmpty(subject)) texts.Add(subject);
        return [.. texts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Select(t => new ApprovedContent { Id = template.ContentId, Text = t })];
    }

    /// <summary>Takes a template off the compose page (it is kept); null when there is no such template.</summary>
    public async Task<MessageTemplate?> SetRetiredAsync(Guid id, bool retired, string actor, CancellationToken cancellationToken = default)
    {
        var result = await store.UpdateAsync(id, (template, log) =>
        {
            if (template.Retired == retired) return false;
            template.Retired = retired;
            template.UpdatedBy = actor;
            template.UpdatedAt = time.GetUtcNow();
            log.LogInformation("Message template {TemplateId} {Change}", id, retired ? "retired" : "offered again");
            return true;
        }, new UpdateOptions<MessageTemplate> { Logger = logger }, cancellationToken);
        return result.Document;
    }

    /// <summary>The template's subject and body for <paramref name="lead"/>, placeholders filled in.</summary>
    public static (string? Subject, string Body) Render(MessageTemplate template, LeadDocument lead, string coordinator)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["first_name"] = string.IsNullOrWhiteSpace(lead.Person?.FirstName) ? "there" : lead.Person.FirstName.Trim(),
            ["condition"] = ConditionNames.Describe(lead.Inquiry?.Condition ?? template.Condition),
            ["coordinator"] = coordinator,
        };
        string Fill(string text) => PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        return (template.Subject is null ? null : Fill(template.Subject), Fill(template.Body));
    }

    private static string Condition(TemplateFields fields) => string.IsNullOrWhiteSpace(fields.Condition) ? DefaultCondition : fields.Condition.Trim();

    private static string Language(TemplateFields fields) => string.IsNullOrWhiteSpace(fields.Language) ? "en" : fields.Language.Trim().ToLowerInvariant();

    private static Dictionary<string, string[]> Validate(TemplateFields fields, out OutreachChannel channel)
    {
        var errors = DraftValidation.Check(fields.Channel, fields.Subject, fields.Body, out channel);
        if (!errors.ContainsKey("channel") && channel == OutreachChannel.Phone) errors["channel"] = ["Templates are for email or sms; a call's points are written on the call page."];
        if (string.IsNullOrWhiteSpace(fields.Name)) errors["name"] = ["The template needs a name."];
        else if (fields.Name.Trim().Length > DraftValidation.NameMax) errors["name"] = [$"The name is longer than {DraftValidation.NameMax} characters."];
        if (!string.IsNullOrWhiteSpace(fields.Language) && !LanguagePattern().IsMatch(fields.Language.Trim()))
            errors["language"] = ["The language is a code such as en or es-MX."];
        if (!string.IsNullOrWhiteSpace(fields.Condition) && !ConditionPattern().IsMatch(fields.Condition.Trim()))
            errors["condition"] = ["The condition is a code such as spondylolysis (letters and underscores, at most 60)."];
        if (channel == OutreachChannel.Email && !errors.ContainsKey("channel") && string.IsNullOrWhiteSpace(fields.Subject))
            errors["subject"] = ["An email template needs a subject."];
        foreach (var (field, text) in new[] { ("subject", fields.Subject), ("body", fields.Body) })
        {
            if (text is null || errors.ContainsKey(field)) continue;
            var unknown = PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                errors[field] = [$"Unknown placeholder {string.Join(", ", unknown.Select(p => "{" + p + "}"))}: use {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}."];
            }
        }
        return errors;
    }

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[a-z_]{1,60}$")]
    private static partial Regex ConditionPattern();
}
