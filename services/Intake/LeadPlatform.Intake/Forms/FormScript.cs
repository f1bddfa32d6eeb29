using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace LeadPlatform.Intake.Forms;

/// <summary>The form's own script, served by intake (<c>script-src 'self'</c>: no inline script, nothing from elsewhere).</summary>
internal static class FormScript
{
    public const string Path = "/forms/form.js";

    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LeadPlatform.Intake.Forms.form.js")
                           ?? throw new InvalidOperationException("The form's script is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(Source.Value, "text/javascript; charset=utf-8");
    }
}
