using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using LeadPlatform.FollowUp.Disclaimers;

namespace LeadPlatform.FollowUp.ComplianceCheck;

/// <summary>The compliance check as a preview for coordinators: what the gate would say, and the message it would send.</summary>
public static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/compliance/check", CheckAsync)
            .WithTags("Compliance")
            .WithName("CheckDraft")
            .WithSummary("Previews the compliance check of a draft: decision (cleared, review or blocked) with its findings; claims, disclaimers and, with a lead id, the lead's consent and timing. Records nothing.")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    internal static async Task<Results<Ok<ComplianceCheckResult>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        ComplianceCheckBody body, ComplianceGate gate, ILeadStore store, LeadFacts facts, PublicLinks links, IOptions<FollowUpOptions> options,
        Templates.TemplateService templates, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = DraftValidation.Check(body.Channel, body.Subject, body.Body, out var channel);
        if (body.LeadId is null && string.IsNullOrWhiteSpace(body.Condition)) errors["condition"] = ["Name the condition (for example spondylolysis), or give a leadId."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The draft is not valid");

        if (body.LeadId is { } leadId)
        {
            var lead = await store.GetAsync(leadId, cancellationToken);
            if (lead is null) return OutreachEndpoints.NoSuchLead();
            var template = body.TemplateId is { } templateId ? await templates.GetAsync(templateId, cancellationToken) : null;
            var draft = new OutreachDraft
            {
                LeadId = leadId,
                Channel = channel,
                Condition = string.IsNullOrWhiteSpace(body.Condition) ? lead.Inquiry?.Condition ?? string.Empty : body.Condition.Trim(),
                Language = string.IsNullOrWhiteSpace(body.Language) ? lead.Person?.Language ?? "en" : body.Language.Trim(),
                Subject = body.Subject,
                Body = body.Body!,
                Author = "preview",
                Recipient = LeadFacts.RecipientFor(lead, channel) ?? string.Empty,
                ApprovedContent = template is null ? [] : Templates.TemplateService.ApprovedContentFor(template, lead, Auth.Actor.For(http.User)),
            };
            // The full check, on the lead's facts; its evidence and clearance are discarded (a preview records and sends nothing).
            var checkedDecision = gate.Check(draft, facts.For(lead));
            return TypedResults.Ok(Result(checkedDecision, "lead", leadId,
                "Checked against this lead's consent, contact data, opt-outs, calling hours and recent outreach, as a send would be now. Nothing was recorded or sent."));
        }

        var condition = body.Condition!.Trim();
        var preview = gate.Preview(condition, channel, body.Subject, body.Body!, string.IsNullOrWhiteSpace(body.Language) ? "en" : body.Language.Trim(),
            options.Value.ClinicPostalAddress, unsubscribeUrl: null, fullDisclaimerUrl: links.FullDisclaimerUrl(condition));
        return TypedResults.Ok(Result(preview, "claims_and_disclaimers", null,
            "Claims and disclaimers only: consent, opt-outs, calling hours and frequency are checked when it is sent to a lead (give a leadId to include them)."));
    }

    private static ComplianceCheckResult Result(ComplianceDecision decision, string basis, Guid? leadId, string note) => new(
        decision.Decision, basis, leadId, note,
        decision.Violations.Select(FindingView.From).ToList(),
        decision.Disclaimers.Select(DisclaimerView.From).ToList(),
        decision.Subject, decision.Message, decision.NextAllowedAt);
}
