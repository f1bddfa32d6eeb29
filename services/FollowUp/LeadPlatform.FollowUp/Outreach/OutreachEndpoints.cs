using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using LeadPlatform.FollowUp.Calls;
using LeadPlatform.FollowUp.ComplianceCheck;
using LeadPlatform.FollowUp.Disclaimers;
using LeadPlatform.FollowUp.Officer;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>Outreach to a lead through the compliance gate, the evidence ledger, and coordinator opt-outs.</summary>
public static class OutreachEndpoints
{
    public static IEndpointRouteBuilder MapOutreachApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/leads/{leadId:guid}").WithTags("Outreach").RequireAuthorization(Policies.Read);
        api.MapPost("/outreach", SendAsync)
            .WithName("SendOutreach")
            .WithSummary("Screens a coordinator's message through the compliance gate and, when cleared, sends it with the disclaimers.")
            .WithDescription("Every decision is recorded in the lead's evidence ledger. Blocked: 422 ProblemDetails with the decision and its findings, nothing sent. "
                             + "Email and SMS: 202 { outreachId, status, decision, findings, disclaimers } with status sent (the channel accepted it) "
                             + "or held_for_review (a compliance officer decides; nothing sent yet). Phone: 200 with the call script and the disclaimer to read aloud. "
                             + "With templateId (an approved template), the template's text with its placeholders filled in is not screened again; what you add is.")
            .RequireAuthorization(Policies.Work);
        api.MapGet("/outreach/{outreachId:guid}", GetAsync).WithName("GetOutreach").WithSummary("One outreach of a lead.");
        api.MapPost("/outreach/{outreachId:guid}/confirm-read", ConfirmReadAsync)
            .WithName("ConfirmCallDisclaimerRead")
            .WithSummary("Logs that the coordinator read the call script's disclaimer aloud: the call counts as sent.")
            .RequireAuthorization(Policies.Work);
        api.MapGet("/evidence", GetEvidenceAsync)
            .WithName("GetEvidence")
            .WithSummary("The lead's evidence ledger (every gate decision for a real send) and the verification of its hash chain.");
        api.MapPost("/opt-outs", OptOutAsync)
            .WithName("RecordOptOut")
            .WithSummary("A coordinator records that the lead asked not to be contacted on a channel, or at all.")
            .RequireAuthorization(Policies.Work);
        return app;
    }

    internal static async Task<Results<Accepted<OutreachResult>, Ok<CallScriptView>, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid leadId, OutreachBody body, OutreachSender sender, ILeadStore store, TemplateService templates, Scheduling.OutreachScheduler scheduler, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = DraftValidation.Check(body.Channel, body.Subject, body.Body, out var channel);
        var whenNotAllowedNow = body.WhenNotAllowedNow?.Trim().ToLowerInvariant();
        if (whenNotAllowedNow is not (null or "" or "block" or "schedule"))
        {
            errors["whenNotAllowedNow"] = ["Use schedule (send it at the next allowed moment) or block (the default)."];
        }
        else if (whenNotAllowedNow == "schedule" && !ChannelPolicy.For(channel).SentAutomatically && !errors.ContainsKey("channel"))
        {
            errors["whenNotAllowedNow"] = ["A call cannot be scheduled: it needs a coordinator on the line. Open a callback for the next allowed moment instead."];
        }
        DraftValidation.Name(errors, "author", body.Author, required: false);
        if (ChannelPolicy.For(channel).HasSubject && string.IsNullOrWhiteSpace(body.Subject) && !errors.ContainsKey("channel"))
        {
            errors["subject"] = ["An email needs a subject."];
        }
        IReadOnlyList<ApprovedContent> approved = [];
        if (body.TemplateId is { } templateId && errors.Count == 0)
        {
            var lead = await store.GetAsync(leadId, cancellationToken);
            if (lead is null) return NoSuchLead();
            var template = await templates.GetAsync(templateId, cancellationToken);
            if (template is null || !template.IsUsable || template.Channel != ChannelNames.Of(channel))
            {
                errors["templateId"] = ["No approved template of this channel has this id: a template is usable once a compliance officer approved its current version."];
            }
            else approved = TemplateService.ApprovedContentFor(template, lead, Actor.For(http.User, body.Author));
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The outreach is not valid");

        var request = new OutreachRequest
        {
            Channel = channel,
            Subject = ChannelPolicy.For(channel).HasSubject ? body.Subject!.Trim() : null,
            Body = body.Body!,
            Author = Actor.For(http.User, body.Author),
            Language = string.IsNullOrWhiteSpace(body.Language) ? null : body.Language.Trim(),
            ApprovedContent = approved,
        };
        var outcome = await sender.SendAsync(leadId, request, cancellationToken);
        if (outcome.Kind == OutreachOutcomeKind.Blocked && whenNotAllowedNow == "schedule" && outcome.Decision?.NextAllowedAt is not null)
        {
            // Blocked only by timing (contact window, frequency limit): it waits, and the gate decides again at that moment.
            // Approved-template text is screened again then (the schedule keeps the words, not the template's approval).
            var item = await scheduler.ScheduleAsync(leadId, request, outcome, CancellationToken.None);
            return TypedResults.Accepted($"/api/v1/leads/{leadId}/scheduled-outreach/{item.Id}", OutreachResult.ScheduledFrom(outcome, item));
        }
        return outcome.Kind switch
        {
            OutreachOutcomeKind.LeadNotFound => NoSuchLead(),
            OutreachOutcomeKind.Blocked => Blocked(outcome),
            OutreachOutcomeKind.Failed => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
                title: "The channel did not accept the message",
                detail: outcome.Problem ?? "The message was cleared but could not be sent; it is recorded as failed.",
                extensions: new Dictionary<string, object?> { ["outreachId"] = outcome.Cleared?.OutreachId, ["evidenceId"] = outcome.Cleared?.EvidenceId }),
            OutreachOutcomeKind.ScriptIssued => TypedResults.Ok(new CallScriptView(
                outcome.Cleared!.OutreachId, outcome.Cleared.EvidenceId, outcome.Record!.Status.Name(), outcome.Cleared.Message,
                DisclaimerView.From(outcome.Cleared.Disclaimers.First(d => d.RequiresReadAloudConfirmation)),
                outcome.Cleared.ValidUntil,
                $"/api/v1/leads/{leadId}/outreach/{outcome.Cleared.OutreachId}/confirm-read")),
            OutreachOutcomeKind.HeldForReview => TypedResults.Accepted($"/api/v1/reviews/{outcome.ReviewId}", OutreachResult.From(outcome)),
            _ => TypedResults.Accepted($"/api/v1/leads/{leadId}/outreach/{outcome.Record!.Id}", OutreachResult.From(outcome)),
        };
    }

    internal static async Task<Results<Ok<OutreachView>, ProblemHttpResult>> GetAsync(Guid leadId, Guid outreachId, ILeadStore store, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is null) return NoSuchLead();
        return lead.Outreach.Find(o => o.Id == outreachId) is { } record
            ? TypedResults.Ok(OutreachView.From(record))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such outreach");
    }

    internal static async Task<Results<Ok<OutreachView>, ValidationProblem, ProblemHttpResult>> ConfirmReadAsync(
        Guid leadId, Guid outreachId, ConfirmReadBody body, OutreachSender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: true);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Say who read the disclaimer");

        // A signed-in person confirms as themselves; an integration's token says for whom.
        var (record, problem) = await sender.ConfirmReadAsync(leadId, outreachId, Actor.For(http.User, body.Coordinator), cancellationToken);
        if (record is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such call outreach on this lead");
        return problem is null
            ? TypedResults.Ok(OutreachView.From(record))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The call cannot be confirmed", detail: problem);
    }

    internal static async Task<Results<Ok<EvidenceExport>, ProblemHttpResult>> GetEvidenceAsync(Guid leadId, ILeadStore store, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is null) return NoSuchLead();
        return TypedResults.Ok(new EvidenceExport(leadId, lead.Evidence, EvidenceVerificationView.From(EvidenceChain.Verify(lead.Evidence))));
    }

    internal static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem, ProblemHttpResult>> OptOutAsync(
        Guid leadId, OptOutBody body, OptOutRecorder optOuts, ILeadStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var channel = body.Channel?.Trim().ToLowerInvariant();
        if (!ChannelPolicy.TryParse(channel, out _) && channel != OptOutScopeNames.AllName) errors["channel"] = [$"Use {ChannelPolicy.AllowedNames} or {OptOutScopeNames.AllName}."];
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: true);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The opt-out is not valid");

        if (await optOuts.OptOutAsync(leadId, channel!, "coordinator", Actor.For(http.User, body.Coordinator), cancellationToken) is null) return NoSuchLead();
        var lead = await store.GetAsync(leadId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<string>>(lead?.OptOuts ?? []);
    }

    internal static ProblemHttpResult NoSuchLead() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such lead (yet)",
        detail: "A lead appears here a moment after its quote request was accepted.");

    internal static ProblemHttpResult Blocked(OutreachOutcome outcome)
    {
        var decision = outcome.Decision!;
        var extensions = new Dictionary<string, object?>
        {
            ["decision"] = decision.Decision,
            ["findings"] = decision.Violations.Select(FindingView.From).ToList(),
            ["violations"] = decision.Violations.Select(FindingView.From).ToList(),
            ["evidenceId"] = outcome.Evidence!.EvidenceId,
        };
        if (decision.NextAllowedAt is { } next)
        {
            extensions["nextAllowedAt"] = next;
            extensions["nextAllowedLocal"] = decision.NextAllowedLocal;
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Blocked by the compliance check",
            detail: "Nothing was sent. " + string.Join(" ", decision.Violations.Select(v => v.Advice).Distinct())
                + (decision.NextAllowedAt is { } at ? $" Next allowed moment: {Scheduling.OutreachScheduler.Local(decision, at)}." : string.Empty),
            extensions: extensions);
    }
}
