using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>The contact rule table, read-only, for admins and compliance officers: the API and the dashboard page.</summary>
internal static class ContactRulesEndpoints
{
    public static IEndpointRouteBuilder MapContactRules(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/compliance/contact-rules", (ComplianceGate gate) => TypedResults.Ok(View(gate.ContactRules)))
            .WithTags("Compliance")
            .WithName("GetContactRules")
            .WithSummary("The contact rule table in force (windows and frequency limits by jurisdiction), each rule with its source and verification status.")
            .RequireAuthorization(Policies.Review);
        app.MapGet("/dashboard/contact-rules", (HttpContext http, ComplianceGate gate) =>
                DashboardEndpoints.Page<ContactRulesPage>(new ContactRulesPageModel { User = http.User, Table = View(gate.ContactRules) }))
            .ExcludeFromDescription()
            .RequireAuthorization(Policies.Review);
        return app;
    }

    internal static ContactRulesTableView View(ContactRuleTable table) =>
        new(table.Version, table.LocationsVersion, [.. table.Rules.Select(ContactRuleView.From)]);
}
