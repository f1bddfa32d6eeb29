using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.Intake.Forms;

/// <summary>An example quote form that posts to the API, as a clinic's page would.</summary>
public static class ExampleFormEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LeadPlatform.Intake.Forms.example.html")
                           ?? throw new InvalidOperationException("The example form is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapExampleForm(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/example", () => Results.Content(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
