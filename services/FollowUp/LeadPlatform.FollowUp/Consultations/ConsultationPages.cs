using System.Globalization;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// The lead page's forms for booking (and moving, cancelling, no-show), closing as lost and correcting the contact: plain
/// HTML posts, no script; a problem re-renders the form with the message beside its field (400).
/// </summary>
internal static class ConsultationPages
{
    public static IEndpointRouteBuilder MapConsultationPages(this IEndpointRouteBuilder app)
    {
        var work = app.MapGroup("/dashboard/leads/{leadId:guid}").ExcludeFromDescription().RequireAuthorization(Policies.Work);
        work.MapGet("/consultation", FormAsync);
        work.MapPost("/consultation", BookAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        work.MapPost("/consultation/cancel", CancelAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        work.MapPost("/consultation/no-show", NoShowAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        work.MapGet("/contact", ContactFormAsync);
        work.MapPost("/contact", CorrectAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        work.MapGet("/lost", LostFormAsync);
        work.MapPost("/lost", LostAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    private static async Task<IResult> FormAsync(Guid leadId, HttpContext http, ILeadStore store, ConsultationBooking booking, IOptions<FollowUpOptions> options, CancellationToken ct)
    {
        var lead = await store.GetAsync(leadId, ct);
        if (lead is null) return NoSuchLead(http);
        var values = new Dictionary<string, string?>();
        if (ConsultationBooking.Current(lead) is { } c)
        {
            var local = TimeZoneInfo.ConvertTime(c.StartsAt, booking.ClinicZone);
            values["date"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            values["time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture);
            values["durationMinutes"] = c.DurationMinutes.ToString(CultureInfo.InvariantCulture);
            values["location"] = c.Location;
            values["notes"] = c.Notes;
        }
        return Form(http, lead, booking, options, new Dictionary<string, string[]>(), values, null, StatusCodes.Status200OK);
    }

    private static IResult Form(HttpContext http, LeadDocument lead, ConsultationBooking booking, IOptions<FollowUpOptions> options,
        IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string?> values, string? problem, int status) =>
        DashboardEndpoints.Page<ConsultationFormPage>(new ConsultationFormPageModel
        {
            User = http.User, Lead = lead, Zone = booking.ClinicZone, Errors = errors, Values = values, Problem = problem,
            DefaultLocation = options.Value.ClinicPostalAddress,
        }, status);

    private static async Task<IResult> BookAsync(Guid leadId, HttpContext http, ILeadStore store, ConsultationBooking booking, TimeProvider time,
        IOptions<FollowUpOptions> options)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string? F(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        var values = new Dictionary<string, string?>
        {
            ["date"] = F("date"), ["time"] = F("time"), ["durationMinutes"] = F("durationMinutes"), ["location"] = F("location"), ["notes"] = F("notes"),
            ["sendConfirmation"] = F("sendConfirmation") == "true" ? "true" : "false",
        };
        var lead = await store.GetAsync(leadId, http.RequestAborted);
        if (lead is null) return NoSuchLead(http);
        DateTimeOffset? startsAt = null;
        var dateTimeError = (string?)null;
        if (DateOnly.TryParseExact(F("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && TimeOnly.TryParseExact(F("time"), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            var local = d.ToDateTime(t, DateTimeKind.Unspecified);
            var zone = booking.ClinicZone;
            if (zone.IsInvalidTime(local)) dateTimeError = "That time does not exist on that day in the clinic's time zone (the clocks move forward): choose another.";
            else startsAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        else if (!string.IsNullOrWhiteSpace(F("date")) || !string.IsNullOrWhiteSpace(F("time")))
        {
            dateTimeError = "Give both the date and the time, for example 2026-12-14 and 10:30.";
        }
        int? minutes = int.TryParse(F("durationMinutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        var errors = ConsultationValidation.Booking(startsAt, minutes, F("location"), F("notes"), time.GetUtcNow());
        if (dateTimeError is not null) errors["startsAt"] = [dateTimeError];
        if (minutes is null && !string.IsNullOrWhiteSpace(F("durationMinutes"))) errors["durationMinutes"] = ["Give the length as a whole number of minutes."];
        if (errors.Count > 0) return Form(http, lead, booking, options, errors, values, null, StatusCodes.Status400BadRequest);

        var request = new ConsultationRequest(startsAt!.Value, minutes!.Value, F("location")!, F("notes"), F("sendConfirmation") == "true", Actor.For(http.User));
        var change = ConsultationBooking.Current(lead) is null
            ? await booking.BookAsync(leadId, request, http.RequestAborted)
            : await booking.RescheduleAsync(leadId, request, http.RequestAborted);
        if (change.Consultation is null) return NoSuchLead(http);
        if (change.Conflict is { } conflict) return Form(http, lead, booking, options, new Dictionary<string, string[]>(), values, conflict, StatusCodes.Status409Conflict);
        return TypedResults.Redirect($"/dashboard/leads/{leadId}?notice={Notice(change)}");
    }

    private static string Notice(ConsultationChange change) => change.Confirmation?.Outcome switch
    {
        "sent" => "consultation-sent",
        "scheduled" => "consultation-scheduled",
        "held_for_review" => "consultation-held",
        "blocked" or "failed" => "consultation-not-sent",
        _ => "consultation",
    };

    private static async Task<IResult> CancelAsync(Guid leadId, HttpContext http, ILeadStore store, ConsultationBooking booking, IOptions<FollowUpOptions> options,
        [FromForm] string? reason, [FromForm] string? sendConfirmation)
    {
        var lead = await store.GetAsync(leadId, http.RequestAborted);
        if (lead is null) return NoSuchLead(http);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ConsultationValidation.Reason(errors, reason, required: true);
        if (errors.Count > 0)
        {
            errors["reason"] = ["Give the reason for cancelling (at most 1000 characters)."];
            return Form(http, lead, booking, options, errors, new Dictionary<string, string?> { ["reason"] = reason }, null, StatusCodes.Status400BadRequest);
        }
        var change = await booking.CloseAsync(leadId, ConsultationStatus.Cancelled, reason, sendConfirmation == "true", Actor.For(http.User), http.RequestAborted);
        if (change.Consultation is null) return NoSuchLead(http);
        if (change.Conflict is { } conflict) return Form(http, lead, booking, options, new Dictionary<string, string[]>(), new Dictionary<string, string?>(), conflict, StatusCodes.Status409Conflict);
        return TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=consultation-cancelled");
    }

    private static async Task<IResult> NoShowAsync(Guid leadId, HttpContext http, ILeadStore store, ConsultationBooking booking, IOptions<FollowUpOptions> options)
    {
        var lead = await store.GetAsync(leadId, http.RequestAborted);
        if (lead is null) return NoSuchLead(http);
        var change = await booking.CloseAsync(leadId, ConsultationStatus.NoShow, null, false, Actor.For(http.User), http.RequestAborted);
        if (change.Consultation is null) return NoSuchLead(http);
        if (change.Conflict is { } conflict) return Form(http, lead, booking, options, new Dictionary<string, string[]>(), new Dictionary<string, string?>(), conflict, StatusCodes.Status409Conflict);
        return TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=consultation-no-show");
    }

    private static async Task<IResult> ContactFormAsync(Guid leadId, HttpContext http, ILeadStore store, CancellationToken ct) =>
        await store.GetAsync(leadId, ct) is { } lead
            ? DashboardEndpoints.Page<ContactFormPage>(new ContactFormPageModel { User = http.User, Lead = lead })
            : NoSuchLead(http);

    private static async Task<IResult> CorrectAsync(Guid leadId, HttpContext http, ILeadStore store, ContactCorrections corrections,
        [FromForm] string? phone, [FromForm] string? email, [FromForm] string? reason)
    {
        var lead = await store.GetAsync(leadId, http.RequestAborted);
        if (lead is null) return NoSuchLead(http);
        var errors = ConsultationValidation.Contact(phone, email, reason, out var e164, out var address);
        if (errors.Count > 0)
        {
            return DashboardEndpoints.Page<ContactFormPage>(new ContactFormPageModel
            {
                User = http.User, Lead = lead, Errors = errors, Values = new Dictionary<string, string?> { ["phone"] = phone, ["email"] = email, ["reason"] = reason },
            }, StatusCodes.Status400BadRequest);
        }
        var changed = await corrections.CorrectAsync(leadId, e164, address, reason!, Actor.For(http.User), http.RequestAborted);
        return changed is null ? NoSuchLead(http) : TypedResults.Redirect($"/dashboard/leads/{leadId}?notice={(changed.Count > 0 ? "contact" : "contact-same")}");
    }

    private static async Task<IResult> LostFormAsync(Guid leadId, HttpContext http, ILeadStore store, CancellationToken ct) =>
        await store.GetAsync(leadId, ct) is { } lead
            ? DashboardEndpoints.Page<LostFormPage>(new LostFormPageModel { User = http.User, Lead = lead })
            : NoSuchLead(http);

    private static async Task<IResult> LostAsync(Guid leadId, HttpContext http, ILeadStore store, LeadClosing closing,
        [FromForm] string? lostReason, [FromForm] string? lostText)
    {
        var lead = await store.GetAsync(leadId, http.RequestAborted);
        if (lead is null) return NoSuchLead(http);
        var errors = ConsultationValidation.Lost(lostReason, lostText);
        if (errors.Count > 0)
        {
            return DashboardEndpoints.Page<LostFormPage>(new LostFormPageModel
            {
                User = http.User, Lead = lead, Errors = errors, Values = new Dictionary<string, string?> { ["lostReason"] = lostReason, ["lostText"] = lostText },
            }, StatusCodes.Status400BadRequest);
        }
        return await closing.CloseAsLostAsync(leadId, lostReason!, lostText, Actor.For(http.User), http.RequestAborted)
            ? TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=lost")
            : NoSuchLead(http);
    }

    private static IResult NoSuchLead(HttpContext http) =>
        DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "No such lead", Message = "This lead does not exist (or not yet).", User = http.User }, StatusCodes.Status404NotFound);
}
