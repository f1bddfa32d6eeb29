using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Calls;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Calls;

/// <summary>Calls: what happened on them, whether a call is allowed now, and each channel's contactability.</summary>
public static class CallEndpoints
{
    public const int MaxNotesLength = 4000;
    public static readonly TimeSpan FurthestCallback = TimeSpan.FromDays(90);

    public static IEndpointRouteBuilder MapCallApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Calls").RequireAuthorization(Policies.Read);
        api.MapPost("/leads/{leadId:guid}/calls", LogAsync)
            .WithName("LogCall")
            .WithSummary("Logs a call and its outcome: a reached lead's open task is closed; callbackAt schedules a callback task.")
            .WithDescription("Never refused for compliance: an outbound call without a cleared call script whose disclaimer was read aloud "
                             + "is recorded and flagged for the compliance officer (flaggedForCompliance, flagReason). 201 with the call.")
            .RequireAuthorization(Policies.Work);
        api.MapGet("/leads/{leadId:guid}/calls", ListAsync).WithName("GetCalls").WithSummary("The lead's logged calls, oldest first.");
        api.MapGet("/leads/{leadId:guid}/call-readiness", ReadinessAsync)
            .WithName("GetCallReadiness")
            .WithSummary("The number to dial (tel: link), the lead's local time and whether the gate allows a call now, with reasons.");
        api.MapGet("/leads/{leadId:guid}/contactability", ContactabilityAsync)
            .WithName("GetContactability")
            .WithSummary("Per channel (phone, sms, email): whether the gate allows contact now, and why not in plain words.");
        api.MapGet("/calls/flagged", FlaggedAsync)
            .WithName("GetFlaggedCalls")
            .WithSummary("Calls logged without a cleared call script, the newest first, on leads first seen in the last ?days= (default 90).");
        return app;
    }

    internal static Dictionary<string, string[]> Validate(CallBody body, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Outcome is null || !CallOutcomes.All.Contains(body.Outcome))
            errors["outcome"] = [$"Use one of: {string.Join(", ", CallOutcomes.All)}."];
        if (body.Direction is not (CallOutcomes.Outbound or CallOutcomes.Inbound))
            errors["direction"] = ["Use outbound (the clinic called) or inbound (the lead called)."];
        if (body.DurationSeconds is < 0 or > 86_400) errors["durationSeconds"] = ["Give the duration in seconds, from 0 to 86400."];
        if (body.Notes is { Length: > MaxNotesLength }) errors["notes"] = [$"The notes are {body.Notes.Length} characters; at most {MaxNotesLength} are allowed."];
        if (body.CallbackAt is { } at && (at <= now || at > now + FurthestCallback))
            errors["callbackAt"] = ["The callback time must be in the future, within 90 days."];
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: false);
        return errors;
    }

    internal static async Task<Results<Created<CallView>, ValidationProblem, ProblemHttpResult>> LogAsync(
        Guid leadId, CallBody body, CallLog calls, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = Validate(body, time.GetUtcNow());
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The call is not valid");
        var (call, problem) = await calls.LogAsync(leadId, new CallLogRequest
        {
            Direction = body.Direction!,
            Outcome = body.Outcome!,
            DurationSeconds = body.DurationSeconds,
            Notes = body.Notes,
            CallbackAt = body.CallbackAt,
            ScriptOutreachId = body.ScriptOutreachId,
            ReadAloud = body.ReadAloud == true,
            By = Actor.For(http.User, body.Coordinator),
        }, cancellationToken);
        if (problem is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scriptOutreachId"] = [problem] }, title: "The call is not valid");
        if (call is null) return OutreachEndpoints.NoSuchLead();
        return TypedResults.Created($"/api/v1/leads/{leadId}/calls", CallView.From(leadId, call));
    }

    internal static async Task<Results<Ok<List<CallView>>, ProblemHttpResult>> ListAsync(Guid leadId, ILeadStore store, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        return lead is null ? OutreachEndpoints.NoSuchLead() : TypedResults.Ok(lead.Calls.Select(c => CallView.From(leadId, c)).ToList());
    }

    internal static async Task<Results<Ok<CallReadinessView>, ProblemHttpResult>> ReadinessAsync(Guid leadId, ILeadStore store, Contactability contactability,
        HttpContext http, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        return lead is null ? OutreachEndpoints.NoSuchLead() : TypedResults.Ok(Readiness(lead, contactability, TimeDisplay.For(http)));
    }

    internal static CallReadinessView Readiness(LeadDocument lead, Contactability contactability, TimeDisplay display)
    {
        var channels = contactability.For(lead, display);
        var phone = channels.First(c => c.Channel == "phone");
        var zones = LeadTimeZones.For(lead.Person?.Country, lead.Person?.PostalCode, lead.Person?.Phone);
        var number = string.IsNullOrWhiteSpace(lead.Person?.Phone) ? null : lead.Person!.Phone.Trim();
        return new CallReadinessView(
            number,
            number is null ? null : "tel:" + new string(number.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()),
            display.Here(display.Now),
            display.ForTheLead(display.Now, zones),
            [.. zones.Select(z => z.Id)],
            phone.Allowed,
            phone.Reasons,
            phone.NextAllowedAt,
            channels);
    }

    internal static async Task<Results<Ok<IReadOnlyList<ChannelContactability>>, ProblemHttpResult>> ContactabilityAsync(Guid leadId, ILeadStore store,
        Contactability contactability, HttpContext http, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        return lead is null ? OutreachEndpoints.NoSuchLead() : TypedResults.Ok(contactability.For(lead, TimeDisplay.For(http)));
    }

    internal static async Task<Ok<List<CallView>>> FlaggedAsync(ILeadStore store, TimeProvider time, CancellationToken cancellationToken, int days = 90)
    {
        var since = time.GetUtcNow() - TimeSpan.FromDays(Math.Clamp(days, 1, 366));
        var leads = await store.FindCreatedSinceAsync(since, 5000, cancellationToken);
        return TypedResults.Ok(leads
            .SelectMany(l => l.Calls.Where(c => c.FlaggedForCompliance).Select(c => CallView.From(l.Id, c)))
            .OrderByDescending(c => c.At)
            .ToList());
    }
}
