using System.Globalization;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// The queue's forms: "Assign to me" on a row, assigning the selected rows (bulk assign and reassign), and an admin's
/// assignment settings of an account (working hours, leave, capacity, alert address). Plain posts with the antiforgery
/// token, then back to the queue (with its filters) saying what happened.
/// </summary>
internal static class QueueActions
{
    public static IEndpointRouteBuilder MapQueueActions(this IEndpointRouteBuilder app)
    {
        var work = app.MapGroup("/dashboard/tasks").ExcludeFromDescription().RequireAuthorization(Policies.Work);
        work.MapPost("/{taskId:guid}/assign-to-me", AssignToMeAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        work.MapPost("/assign", AssignSelectedAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        app.MapPost("/dashboard/accounts/{accountId:guid}/assignment", AssignmentSettingsAsync).ExcludeFromDescription()
            .RequireAuthorization(Policies.Admin).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    public static string? Notice(string? code)
    {
        var parts = code?.Split('.') ?? [];
        if (parts.Length != 3 || parts[0] != "assigned" || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var done)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var refused)) return null;
        var text = done == 1 ? "1 task assigned." : $"{done} tasks assigned.";
        if (refused > 0) text += $" {refused} could not be: a coordinator takes tasks or hands on their own; only an admin assigns other people's, and nobody on leave.";
        return text;
    }

    private static string Back(HttpRequest request, string notice, StringValues returnUrl)
    {
        var back = DashboardEndpoints.LocalOrDashboard(returnUrl.ToString());
        if (back != "/dashboard" && !back.StartsWith("/dashboard?", StringComparison.Ordinal)) back = "/dashboard";
        var withoutNotice = string.Join("&", (back.Contains('?') ? back[(back.IndexOf('?') + 1)..] : string.Empty)
            .Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("notice=", StringComparison.Ordinal)));
        return $"/dashboard?{(withoutNotice.Length > 0 ? withoutNotice + "&" : string.Empty)}notice={notice}";
    }

    private static async Task<IResult> AssignToMeAsync(Guid taskId, HttpContext http, TaskAssignment assignment)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var me = http.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
        if (me is null) return TypedResults.Redirect("/dashboard/forbidden");
        var result = await assignment.AssignByHandAsync(taskId, me, http.User, http.RequestAborted);
        if (result.Outcome == AssignmentOutcome.TaskNotFound) return NoTask(http);
        var ok = result.Outcome is AssignmentOutcome.Assigned or AssignmentOutcome.Unchanged;
        var back = Back(http.Request, $"assigned.{(ok ? 1 : 0)}.{(ok ? 0 : 1)}", form["returnUrl"]);
        return TypedResults.Redirect(back + (result.LeadId is { } id ? $"#row-{id}" : string.Empty));
    }

    private static async Task<IResult> AssignSelectedAsync(HttpContext http, TaskAssignment assignment)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var ids = form["taskId"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().Take(500).ToList();
        var coordinator = form["coordinator"].ToString();
        if (coordinator == "me") coordinator = http.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? string.Empty;
        if (ids.Count == 0 || coordinator.Length > 254)
        {
            return DashboardEndpoints.Page<MessagePage>(new MessagePageModel
            {
                Title = "Nothing to assign", Message = "Select one or more tasks in the queue, choose who gets them, then assign.", User = http.User,
            }, StatusCodes.Status400BadRequest);
        }
        int done = 0, refused = 0;
        foreach (var id in ids)
        {
            var result = await assignment.AssignByHandAsync(id, coordinator == "nobody" ? null : coordinator, http.User, http.RequestAborted);
            if (result.Outcome is AssignmentOutcome.Assigned or AssignmentOutcome.Unchanged) done++;
            else if (result.Outcome == AssignmentOutcome.UnknownCoordinator)
            {
                return DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "Unknown coordinator", Message = result.Problem!, User = http.User }, StatusCodes.Status400BadRequest);
            }
            else refused++;
        }
        return TypedResults.Redirect(Back(http.Request, $"assigned.{done}.{refused}", form["returnUrl"]));
    }

    private static IResult NoTask(HttpContext http) => DashboardEndpoints.Page<MessagePage>(new MessagePageModel
    {
        Title = "No such open task", Message = "The task is done or gone; the queue shows what is open now.", User = http.User,
    }, StatusCodes.Status404NotFound);

    private static async Task<IResult> AssignmentSettingsAsync(Guid accountId, HttpContext http, AccountService accounts, SlaClock sla, TaskAssignment assignment)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var errors = new List<string>();
        var days = form["workDays"].Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>().Distinct().ToList();
        string? Time(string key)
        {
            var value = form[key].ToString().Trim();
            if (value.Length == 0) return null;
            if (WorkingHours.TryParse(value, out var t)) return t.ToString("HH:mm", CultureInfo.InvariantCulture);
            errors.Add($"The {(key == "workStart" ? "start" : "end")} of the working hours is not a time (use 08:00).");
            return null;
        }
        DateTimeOffset? Date(string key, bool endOfDay)
        {
            var value = form[key].ToString().Trim();
            if (value.Length == 0) return null;
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add("A leave date is not a date (use 2026-12-24).");
                return null;
            }
            var local = (endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, sla.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        }
        var start = Time("workStart");
        var end = Time("workEnd");
        if ((start is null) != (end is null)) errors.Add("Give both the start and the end of the working hours, or neither.");
        var leaveFrom = Date("leaveFrom", endOfDay: false);
        var leaveUntil = Date("leaveUntil", endOfDay: true);
        if (leaveFrom is not null && leaveUntil is not null && leaveUntil <= leaveFrom) errors.Add("The leave must end on or after the day it starts.");
        int? max = null;
        if (form["maxOpenTasks"].ToString().Trim() is { Length: > 0 } m)
        {
            if (int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000) max = n;
            else errors.Add("The capacity is a whole number of open tasks from 1 to 10000 (empty: no limit).");
        }
        var alertEmail = form["alertEmail"].ToString().Trim() is { Length: > 0 } e ? e : null;
        if (alertEmail is not null && (alertEmail.Length > 254 || !MimeKit.MailboxAddress.TryParse(alertEmail, out _) || !alertEmail.Contains('@'))) errors.Add("The alert email is not an email address.");
        var alertPhone = form["alertPhone"].ToString().Trim() is { Length: > 0 } p ? p : null;
        if (alertPhone is not null && !System.Text.RegularExpressions.Regex.IsMatch(alertPhone, @"^\+[1-9][0-9]{6,14}$")) errors.Add("The alert number is not in international form (+14155550134).");
        if (errors.Count > 0)
        {
            return DashboardEndpoints.Page<AccountsPage>(new AccountsPageModel { User = http.User, Display = TimeDisplay.For(http), Accounts = await accounts.ListAsync(http.RequestAborted), Problem = string.Join(" ", errors) },
                StatusCodes.Status400BadRequest);
        }
        var changed = await accounts.UpdateAsync(accountId, a =>
        {
            a.WorkDays = days;
            a.WorkStart = start;
            a.WorkEnd = end;
            a.LeaveFrom = leaveFrom;
            a.LeaveUntil = leaveUntil;
            a.MaxOpenTasks = max;
            a.AlertEmail = alertEmail;
            a.AlertPhone = alertPhone;
        }, http.RequestAborted);
        if (changed is null) return TypedResults.NotFound();
        await assignment.HandOutBacklogAsync(http.RequestAborted);
        return TypedResults.Redirect("/dashboard/accounts?notice=assignment");
    }
}
