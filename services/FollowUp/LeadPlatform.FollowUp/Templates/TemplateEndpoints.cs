using LeadPlatform.FollowUp.ComplianceCheck;
using LeadPlatform.FollowUp.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Templates;

/// <summary>Message templates over JSON: everyone who reads leads can list them; only admins write, and the gate screens every write.</summary>
public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/templates").WithTags("Templates");
        group.MapGet("", async (TemplateService templates, CancellationToken ct, string? channel = null, string? language = null, bool includeRetired = false) =>
                TypedResults.Ok((await templates.ListAsync(ct))
                    .Where(t => (includeRetired || !t.Retired)
                        && (channel is null || t.Channel == channel)
                        && (language is null || string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase)))
                    .Select(TemplateView.From).ToList()))
            .WithName("ListTemplates").WithSummary("The message templates, by channel, language and name (retired ones only with includeRetired=true).")
            .RequireAuthorization(Policies.Read);
        group.MapGet("/{templateId:guid}", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (Guid templateId, TemplateService templates, CancellationToken ct) =>
                await templates.GetAsync(templateId, ct) is { } t ? TypedResults.Ok(TemplateView.From(t)) : NoSuchTemplate())
            .WithName("GetTemplate").WithSummary("One message template, with what the compliance check said when it was saved.")
            .RequireAuthorization(Policies.Read);
        group.MapPost("", (TemplateBody body, TemplateService templates, HttpContext http) => SaveAsync(null, body, templates, http))
            .WithName("CreateTemplate")
            .WithSummary("Creates a message template. The compliance check screens it first: blocked, 422 with the violations, and nothing is saved.")
            .RequireAuthorization(Policies.Admin);
        group.MapPut("/{templateId:guid}", (Guid templateId, TemplateBody body, TemplateService templates, HttpContext http) => SaveAsync(templateId, body, templates, http))
            .WithName("ChangeTemplate")
            .WithSummary("Changes a message template (give the version you read). Screened like a new one: blocked, 422 and the old text stays.")
            .RequireAuthorization(Policies.Admin);
        group.MapDelete("/{templateId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid templateId, TemplateService templates, HttpContext http) =>
                await templates.SetRetiredAsync(templateId, true, Actor.For(http.User), http.RequestAborted) is null ? NoSuchTemplate() : TypedResults.NoContent())
            .WithName("RetireTemplate").WithSummary("Retires a template: no longer offered when composing; kept for the record.")
            .RequireAuthorization(Policies.Admin);
        group.MapPost("/{templateId:guid}/approve", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (Guid templateId, TemplateApprovalBody body, TemplateService templates, HttpContext http) =>
                await templates.ApproveAsync(templateId, body.Revision, Actor.For(http.User), http.RequestAborted) switch
                {
                    (null, _) => NoSuchTemplate(),
                    (_, { } problem) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The template cannot be approved", detail: problem),
                    ({ } t, null) => TypedResults.Ok(TemplateView.From(t)),
                })
            .WithName("ApproveTemplate")
            .WithSummary("A compliance officer (or admin) approves the template's current revision (give the revision you read): coordinators may then use it. An edit needs approval again.")
            .RequireAuthorization(Policies.Review);
        return app;
    }

    private static async Task<IResult> SaveAsync(Guid? id, TemplateBody body, TemplateService templates, HttpContext http)
    {
        var result = await templates.SaveAsync(id, body.Fields, body.Version, Actor.For(http.User), http.RequestAborted);
        if (result.Errors.Count > 0) return TypedResults.ValidationProblem(result.Errors, title: "The template is not valid");
        if (result.Blocked)
        {
            var decision = result.Screening!;
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Blocked by the compliance check",
                detail: "The template was not saved. " + string.Join(" ", decision.Violations.Select(v => v.Advice).Distinct()),
                extensions: new Dictionary<string, object?>
                {
                    ["decision"] = decision.Decision,
                    ["findings"] = decision.Violations.Select(FindingView.From).ToList(),
                    ["violations"] = decision.Violations.Select(FindingView.From).ToList(),
                });
        }
        if (result.NotFound) return NoSuchTemplate();
        if (result.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Someone saved this template meanwhile",
                detail: "Read it again and make your change on the newer version.");
        }
        var view = TemplateView.From(result.Saved!);
        return id is null ? TypedResults.Created($"/api/v1/templates/{view.Id}", view) : TypedResults.Ok(view);
    }

    internal static ProblemHttpResult NoSuchTemplate() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such template");
}
