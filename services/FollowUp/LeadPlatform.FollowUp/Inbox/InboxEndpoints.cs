using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Inbox;

/// <summary>The inbox: <c>GET /api/v1/inbox</c>, marking a reply read, and the dashboard page that answers through the gate.</summary>
public static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/inbox").WithTags("Inbox").RequireAuthorization(Policies.Read);
        api.MapGet("", async (LeadInbox inbox, CancellationToken ct, bool unreadOnly = false, int days = 90) =>
                TypedResults.Ok(await inbox.ListAsync(unreadOnly, days, ct)))
            .WithName("GetInbox")
            .WithSummary("Replies from leads (inbound texts; email replies) across leads, unread first, then the newest.");
        api.MapPost("/{leadId:guid}/{key}/read", ReadApiAsync)
            .WithName("MarkReplyRead")
            .WithSummary("Marks one reply read (who and when are kept on the lead's timeline entry).")
            .RequireAuthorization(Policies.Work);

        var page = app.MapGroup("/dashboard/inbox").ExcludeFromDescription().RequireAuthorization(Policies.Read);
        page.MapGet("", async (HttpContext http, LeadInbox inbox, CancellationToken ct, string? notice = null) =>
            DashboardEndpoints.Page<InboxPage>(new InboxPageModel
            {
                User = http.User, Items = await inbox.ListAsync(false, 90, ct), Display = TimeDisplay.For(http),
                Notice = notice switch { "sent" => "Reply sent through the compliance check.", "read" => "Marked read.", _ => null },
            }));
        page.MapPost("/{leadId:guid}/{key}/read", async (Guid leadId, string key, HttpContext http, LeadInbox inbox) =>
                await inbox.MarkReadAsync(leadId, key, Actor.For(http.User), http.RequestAborted)
                    ? Results.Redirect("/dashboard/inbox?notice=read")
                    : Results.NotFound())
            .RequireAuthorization(Policies.Work).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        page.MapPost("/{leadId:guid}/{key}/reply", ReplyAsync).RequireAuthorization(Policies.Work).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReadApiAsync(Guid leadId, string key, HttpContext http, LeadInbox inbox) =>
        await inbox.MarkReadAsync(leadId, key, Actor.For(http.User), http.RequestAborted)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such reply on this lead");

    /// <summary>Answers a text by text and an email by email, through the gate like any outreach; sent, the reply is marked read.</summary>
    private static async Task<IResult> ReplyAsync(Guid leadId, string key, HttpContext http, LeadInbox inbox, OutreachSender sender, [FromForm] string? body,
        [FromForm] string? subject)
    {
        var ct = http.RequestAborted;
        var email = key.StartsWith("email_received-", StringComparison.Ordinal);
        if (!email) subject = null;
        var errors = DraftValidation.Check(email ? "email" : "sms", subject, body, out _);
        if (errors.Count > 0)
            return DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "The reply is not valid", Message = string.Join(" ", errors.SelectMany(e => e.Value)), User = http.User },
                StatusCodes.Status400BadRequest);
        var outcome = await sender.SendAsync(leadId, new OutreachRequest
        {
            Channel = email ? OutreachChannel.Email : OutreachChannel.Sms, Subject = subject, Body = body!, Author = Actor.For(http.User),
        }, ct);
        switch (outcome.Kind)
        {
            case OutreachOutcomeKind.Sent:
                await inbox.MarkReadAsync(leadId, key, Actor.For(http.User), ct);
                return Results.Redirect("/dashboard/inbox?notice=sent");
            case OutreachOutcomeKind.LeadNotFound:
                return Results.NotFound();
            case OutreachOutcomeKind.HeldForReview:
                await inbox.MarkReadAsync(leadId, key, Actor.For(http.User), ct);
                return DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "Held for review", Message = "The reply waits for a compliance officer; it is sent once approved.", User = http.User });
            default:
                var why = outcome.Decision?.Violations.Select(v => v.Advice).Distinct() ?? [];
                return DashboardEndpoints.Page<MessagePage>(new MessagePageModel
                {
                    Title = "Not sent",
                    Message = (outcome.Kind == OutreachOutcomeKind.Blocked ? "Blocked by the compliance check: nothing was sent. " : outcome.Problem ?? (email ? "The email could not be sent. " : "The text could not be sent. "))
                              + string.Join(" ", why),
                    User = http.User,
                }, StatusCodes.Status422UnprocessableEntity);
        }
    }
}
