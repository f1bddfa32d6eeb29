using Microsoft.AspNetCore.Http;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Admins must use a second factor: an admin's session without one reaches nothing but the enrolment page, sign-out and
/// the dashboard's assets. Pages redirect to the enrolment page; APIs answer 403 saying so. A session begun through the
/// OpenID Connect provider counts as having one: the provider's sign-in (and its MFA policy) is the second factor.
/// </summary>
internal sealed class SecondFactorEnrolmentGate(RequestDelegate next)
{
    public const string EnrolPath = "/dashboard/security/two-factor";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (SessionValidation.IsSession(user) && user.IsInRole(Roles.Admin) && user.FindFirst(AccountService.SecondFactorClaim)?.Value is not ("on" or "idp")
            && !Allowed(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Second factor required",
                    detail: $"Admins must enrol a second factor first: {EnrolPath}").ExecuteAsync(context);
                return;
            }
            context.Response.Redirect(EnrolPath);
            return;
        }
        await next(context);
    }

    private static bool Allowed(PathString path) =>
        path.StartsWithSegments(EnrolPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/dashboard/sign-out", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/dashboard/sign-in", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/dashboard/assets", StringComparison.OrdinalIgnoreCase)
        || !(path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase));
}
