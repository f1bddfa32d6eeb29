using System.Net;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LeadPlatform.FollowUp.Disclaimers;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// The patient-facing pages: one-click unsubscribe (no login; <c>GET</c> shows one button, <c>POST</c> is RFC 8058's
/// one-click and the button's target) and the full evidence disclaimer that SMS messages link to.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/unsubscribe/{token}", ShowAsync).WithTags("Unsubscribe").WithSummary("The unsubscribe page: one button, no login.");
        app.MapPost("/unsubscribe/{token}", UnsubscribeAsync).WithTags("Unsubscribe")
            .WithSummary("Unsubscribes the lead from email (RFC 8058 one-click, or the page's button). Idempotent.");
        app.MapGet("/disclaimers/{link}", ShowDisclaimer).WithTags("Unsubscribe")
            .WithSummary("The full evidence disclaimer of a link in a message (an opaque d1.… token; older links name the condition).");
        return app;
    }

    internal static ContentHttpResult ShowAsync(string token, UnsubscribeTokens tokens)
    {
        var validation = tokens.Validate(token);
        if (!validation.IsValid) return Invalid(validation);
        return Page(StatusCodes.Status200OK, "Unsubscribe from our emails",
            """
            <p>Press the button to stop receiving emails from our patient coordinators. You do not need to log in.</p>
            <form method="post"><button type="submit">Unsubscribe from emails</button></form>
            """);
    }

    internal static async Task<ContentHttpResult> UnsubscribeAsync(string token, UnsubscribeTokens tokens, OptOutRecorder optOuts,
        ILogger<OptOutRecorder> logger, CancellationToken cancellationToken)
    {
        var validation = tokens.Validate(token);
        if (!validation.IsValid) return Invalid(validation);
        var recorded = await optOuts.OptOutAsync(validation.LeadId!.Value, "email", "unsubscribe_link", "lead", cancellationToken);
        if (recorded is null)
        {
            logger.LogWarning("Unsubscribe link for unknown lead {LeadId}", validation.LeadId);
            return Page(StatusCodes.Status404NotFound, "We could not find your details",
                "<p>This link is genuine, but we hold no record for it any more. You will not receive emails from us.</p>");
        }

        return Page(StatusCodes.Status200OK, "You are unsubscribed",
            "<p>You will not receive any more emails from our patient coordinators. If you reply to a text message with STOP, we will stop texting you too.</p>");
    }

    internal static Results<ContentHttpResult, NotFound> ShowDisclaimer(string link, HttpRequest request, ComplianceGate gate, DisclaimerLinkTokens links, IOptions<FollowUpOptions> options)
    {
        var (condition, linkLanguage) = link.StartsWith(DisclaimerLinkTokens.Prefix, StringComparison.Ordinal) ? links.OpenWithLanguage(link) : (link, null);
        if (condition is null) return TypedResults.NotFound();
        var page = DisclaimerPage.Render(gate, condition, DisclaimerPage.Languages(gate, condition, request.Query["lang"].ToString(), linkLanguage, request.Headers.AcceptLanguage.ToString()),
            options.Value.ClinicPostalAddress, request.Path.Value ?? string.Empty);
        return page is null ? TypedResults.NotFound() : TypedResults.Content(page, "text/html; charset=utf-8");
    }

    private static ContentHttpResult Invalid(UnsubscribeTokenValidation validation) => Page(StatusCodes.Status400BadRequest,
        "This unsubscribe link does not work",
        validation.Failure == "expired"
            ? "<p>This link has expired. Use the link in a more recent email from us, or reply to any of our emails asking us to stop, and we will.</p>"
            : "<p>This link is not valid (it may have been cut short when it was copied). Use the link in the email exactly as it was sent, or reply to the email asking us to stop.</p>");

    private static ContentHttpResult Page(int status, string title, string body) => TypedResults.Content(
        $$"""
         <!doctype html>
         <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
         <title>{{title}}</title>
         <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.2rem}</style>
         </head><body><h1>{{title}}</h1>
         {{body}}
         </body></html>
         """, "text/html; charset=utf-8", statusCode: status);
}
