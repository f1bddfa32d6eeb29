using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using Microsoft.AspNetCore.Http;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>The dashboard's cancel button of a scheduled outreach (the lead page's Scheduled outreach section).</summary>
internal static class ScheduledOutreachPages
{
    public static async Task<IResult> CancelAsync(Guid leadId, Guid id, HttpContext http, OutreachScheduler scheduler)
    {
        var (item, problem) = await scheduler.CancelAsync(leadId, id, Actor.For(http.User), http.RequestAborted);
        if (item is null)
        {
            return DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "No such scheduled outreach", Message = "It is not on this lead.", User = http.User },
                StatusCodes.Status404NotFound);
        }

        return problem is null
            ? TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=schedule-cancelled#scheduled-outreach")
            : DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "It cannot be cancelled", Message = problem, User = http.User }, StatusCodes.Status409Conflict);
    }
}
