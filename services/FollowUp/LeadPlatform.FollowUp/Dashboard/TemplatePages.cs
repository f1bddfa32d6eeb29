using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>The admins' template pages: list, write with the live compliance preview, save (screened again on the server), retire.</summary>
internal static class TemplatePages
{
    public static IEndpointRouteBuilder MapTemplatePages(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/dashboard/templates").ExcludeFromDescription().RequireAuthorization(Policies.Admin);
        // Compliance officers read templates and approve versions; only admins write them.
        var review = app.MapGroup("/dashboard/templates").ExcludeFromDescription().RequireAuthorization(Policies.Review);
        review.MapGet("", async (HttpContext http, TemplateService templates, CancellationToken ct) =>
            DashboardEndpoints.Page<TemplatesPage>(new TemplatesPageModel { User = http.User, Templates = await templates.ListAsync(ct) }));
        admin.MapGet("/new", (HttpContext http, string? channel = null) => DashboardEndpoints.Page<TemplateEditPage>(new TemplateEditPageModel
        {
            User = http.User, Fields = new TemplateFields(null, channel == "sms" ? "sms" : "email", "en", TemplateService.DefaultCondition, null, null),
        }));
        review.MapGet("/{templateId:guid}", async (Guid templateId, HttpContext http, TemplateService templates, CancellationToken ct, string? notice = null) =>
            await templates.GetAsync(templateId, ct) is { } t
                ? DashboardEndpoints.Page<TemplateEditPage>(new TemplateEditPageModel { User = http.User, Template = t, Fields = FieldsOf(t), Version = t.Version, Notice = notice switch
                {
                    "saved" => "Saved. Coordinators can use this version once a compliance officer approves it.",
                    "approved" => "Approved: coordinators can use this version.",
                    _ => null,
                } })
                : NoSuchTemplate(http));
        review.MapPost("/{templateId:guid}/approve", async (Guid templateId, HttpContext http, TemplateService templates, [FromForm] long? revision) =>
            {
                var (template, problem) = await templates.ApproveAsync(templateId, revision, Actor.For(http.User), http.RequestAborted);
                if (template is null) return NoSuchTemplate(http);
                return problem is null
                    ? Results.Redirect($"/dashboard/templates/{templateId}?notice=approved")
                    : DashboardEndpoints.Page<TemplateEditPage>(new TemplateEditPageModel { User = http.User, Template = template, Fields = FieldsOf(template), Version = template.Version, Problem = problem },
                        StatusCodes.Status409Conflict);
            })
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        admin.MapPost("", (HttpContext http, TemplateService templates, [FromForm] TemplateBody form) => SaveAsync(null, http, templates, form))
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        admin.MapPost("/{templateId:guid}", (Guid templateId, HttpContext http, TemplateService templates, [FromForm] TemplateBody form) => SaveAsync(templateId, http, templates, form))
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        admin.MapPost("/{templateId:guid}/retire", async (Guid templateId, HttpContext http, TemplateService templates, [FromForm] string? retired) =>
                await templates.SetRetiredAsync(templateId, retired != "false", Actor.For(http.User), http.RequestAborted) is null
                    ? NoSuchTemplate(http)
                    : Results.Redirect("/dashboard/templates"))
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    private static TemplateFields FieldsOf(MessageTemplate t) => new(t.Name, t.Channel, t.Language, t.Condition, t.Subject, t.Body);

    private static async Task<IResult> SaveAsync(Guid? id, HttpContext http, TemplateService templates, TemplateBody form)
    {
        var ct = http.RequestAborted;
        var result = await templates.SaveAsync(id, form.Fields, form.Version, Actor.For(http.User), ct);
        if (result.Saved is { } saved) return Results.Redirect($"/dashboard/templates/{saved.Id}?notice=saved");
        if (result.NotFound) return NoSuchTemplate(http);

        var existing = id is { } known ? await templates.GetAsync(known, ct) : null;
        var (problem, status) = result switch
        {
            { Errors.Count: > 0 } => (string.Join(" ", result.Errors.SelectMany(e => e.Value)), StatusCodes.Status400BadRequest),
            { Blocked: true } => ("Blocked by the compliance check: the template was not saved. Change what is marked below.", StatusCodes.Status422UnprocessableEntity),
            _ => ("Someone saved this template while you were editing it: your text is below; compare it with theirs and save again.", StatusCodes.Status409Conflict),
        };
        return DashboardEndpoints.Page<TemplateEditPage>(new TemplateEditPageModel
        {
            User = http.User,
            Template = existing,
            Fields = form.Fields,
            Version = existing?.Version ?? 0,
            Problem = problem,
            Violations = result.Blocked ? result.Screening!.Violations : (IReadOnlyList<LeadPlatform.Compliance.ComplianceViolation>)[],
        }, status);
    }

    private static IResult NoSuchTemplate(HttpContext http) => DashboardEndpoints.Page<MessagePage>(new MessagePageModel
    {
        Title = "No such template", Message = "It may have been removed from the list; see all templates.", User = http.User,
    }, StatusCodes.Status404NotFound);
}
