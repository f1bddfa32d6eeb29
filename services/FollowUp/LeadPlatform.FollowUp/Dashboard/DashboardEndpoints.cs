using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>The coordinators' dashboard page (the queue, refreshed without reloading).</summary>
public static class DashboardEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LeadPlatform.FollowUp.Dashboard.dashboard.html")
                           ?? throw new InvalidOperationException("The dashboard page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", () => Results.Content(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
