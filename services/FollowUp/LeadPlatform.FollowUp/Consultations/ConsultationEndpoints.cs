using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>The funnel's goal and its ends: booking a consultation (reschedule, cancel, no-show), closing a lead as lost, correcting its contact details.</summary>
public static class ConsultationEndpoints
{
    public static IEndpointRouteBuilder MapConsultationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/leads/{leadId:guid}").WithTags("Consultations").RequireAuthorization(Policies.Read);
        api.MapGet("/consultation", GetAsync).WithName("GetConsultation").WithSummary("The lead's booked consultation (404 when none is booked).");
        api.MapPost("/consultation", BookAsync)
            .WithName("BookConsultation")
            .WithSummary("Books a consultation: status consultation_booked, the open task closed, the confirmation (email with a calendar invite, or a text) through the gate, a reminder the day before.")
            .RequireAuthorization(Policies.Work);
        api.MapPut("/consultation", RescheduleAsync)
            .WithName("RescheduleConsultation")
            .WithSummary("Moves the booked consultation: an updated invite (same UID, next SEQUENCE) through the gate, the reminder moved.")
            .RequireAuthorization(Policies.Work);
        api.MapPost("/consultation/cancel", CancelAsync)
            .WithName("CancelConsultation")
            .WithSummary("Cancels the booked consultation with a reason: a cancellation (METHOD:CANCEL) through the gate, a task to follow up.")
            .RequireAuthorization(Policies.Work);
        api.MapPost("/consultation/no-show", NoShowAsync)
            .WithName("RecordConsultationNoShow")
            .WithSummary("The lead did not come: recorded, the lead back to contacted with a task to follow up.")
            .RequireAuthorization(Policies.Work);
        api.MapPost("/lost", LostAsync)
            .WithName("CloseLeadAsLost")
            .WithSummary("Closes the lead as lost with a reason (price, distance, chose_surgery, not_reachable, not_a_candidate, went_elsewhere, other + text).")
            .RequireAuthorization(Policies.Work);
        api.MapPut("/contact", CorrectContactAsync)
            .WithName("CorrectLeadContact")
            .WithSummary("Corrects a mistyped phone (E.164) or email, with a reason: consent for the old one does not carry over until confirmed through the new one.")
            .RequireAuthorization(Policies.Work);
        return app;
    }

    internal static async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> GetAsync(Guid leadId, ILeadStore store, ConsultationBooking booking, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is null) return OutreachEndpoints.NoSuchLead();
        return ConsultationBooking.Current(lead) is { } c
            ? TypedResults.Ok(ConsultationView.From(leadId, c, booking.ClinicZone))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No consultation is booked for this lead");
    }

    internal static async Task<Results<Created<ConsultationView>, ValidationProblem, ProblemHttpResult>> BookAsync(
        Guid leadId, ConsultationBody body, ConsultationBooking booking, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = ConsultationValidation.Booking(body.StartsAt, body.DurationMinutes, body.Location, body.Notes, time.GetUtcNow());
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The consultation is not valid");
        var change = await booking.BookAsync(leadId, Request(body, http), cancellationToken);
        return change switch
        {
            { Consultation: null } => OutreachEndpoints.NoSuchLead(),
            { Conflict: { } conflict } => Conflict(conflict),
            _ => TypedResults.Created($"/api/v1/leads/{leadId}/consultation", ConsultationView.From(leadId, change.Consultation, booking.ClinicZone)),
        };
    }

    internal static async Task<Results<Ok<ConsultationView>, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        Guid leadId, ConsultationBody body, ConsultationBooking booking, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = ConsultationValidation.Booking(body.StartsAt, body.DurationMinutes, body.Location, body.Notes, time.GetUtcNow());
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The consultation is not valid");
        return Answer(leadId, await booking.RescheduleAsync(leadId, Request(body, http), cancellationToken), booking);
    }

    internal static async Task<Results<Ok<ConsultationView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid leadId, ConsultationCancelBody body, ConsultationBooking booking, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ConsultationValidation.Reason(errors, body.Reason, required: true);
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The cancellation is not valid");
        return Answer(leadId, await booking.CloseAsync(leadId, ConsultationStatus.Cancelled, body.Reason, body.SendConfirmation != false,
            Actor.For(http.User, body.Coordinator), cancellationToken), booking);
    }

    internal static async Task<Results<Ok<ConsultationView>, ValidationProblem, ProblemHttpResult>> NoShowAsync(
        Guid leadId, ConsultationCancelBody? body, ConsultationBooking booking, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ConsultationValidation.Reason(errors, body?.Reason, required: false);
        DraftValidation.Name(errors, "coordinator", body?.Coordinator, required: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The no-show is not valid");
        return Answer(leadId, await booking.CloseAsync(leadId, ConsultationStatus.NoShow, body?.Reason, false, Actor.For(http.User, body?.Coordinator), cancellationToken), booking);
    }

    internal static async Task<Results<Ok<LeadStatusView>, ValidationProblem, ProblemHttpResult>> LostAsync(
        Guid leadId, LostBody body, LeadClosing closing, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = ConsultationValidation.Lost(body.Reason, body.Text);
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The reason is not valid");
        return await closing.CloseAsLostAsync(leadId, body.Reason!, body.Text, Actor.For(http.User, body.Coordinator), cancellationToken)
            ? TypedResults.Ok(new LeadStatusView(leadId, LeadStatus.Lost.Name(), body.Reason, string.IsNullOrWhiteSpace(body.Text) ? null : body.Text.Trim()))
            : OutreachEndpoints.NoSuchLead();
    }

    internal static async Task<Results<Ok<ContactCorrectionView>, ValidationProblem, ProblemHttpResult>> CorrectContactAsync(
        Guid leadId, ContactBody body, ContactCorrections corrections, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = ConsultationValidation.Contact(body.Phone, body.Email, body.Reason, out var phone, out var email);
        DraftValidation.Name(errors, "coordinator", body.Coordinator, required: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The correction is not valid");
        var changed = await corrections.CorrectAsync(leadId, phone, email, body.Reason!, Actor.For(http.User, body.Coordinator), cancellationToken);
        return changed is null ? OutreachEndpoints.NoSuchLead() : TypedResults.Ok(new ContactCorrectionView(leadId, changed, changed.Count > 0));
    }

    private static ConsultationRequest Request(ConsultationBody body, HttpContext http) =>
        new(body.StartsAt!.Value, body.DurationMinutes!.Value, body.Location!, body.Notes, body.SendConfirmation != false, Actor.For(http.User, body.Coordinator));

    private static Results<Ok<ConsultationView>, ValidationProblem, ProblemHttpResult> Answer(Guid leadId, ConsultationChange change, ConsultationBooking booking) => change switch
    {
        { Consultation: null } => OutreachEndpoints.NoSuchLead(),
        { Conflict: { } conflict } => Conflict(conflict),
        _ => TypedResults.Ok(ConsultationView.From(leadId, change.Consultation, booking.ClinicZone)),
    };

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the consultation's current state", detail: detail);
}
