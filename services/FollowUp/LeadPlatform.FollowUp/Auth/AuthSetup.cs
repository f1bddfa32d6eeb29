using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Sign-in for the dashboard and its APIs: a cookie session (local accounts, or OpenID Connect when configured) or a
/// bearer API token. Pages without a session redirect to the sign-in page; APIs answer 401, and 403 for a wrong role.
/// </summary>
internal static class AuthSetup
{
    public const string SmartScheme = "LeadPlatform";
    public const string CookieName = "LeadPlatform.Session";
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string SignInPath = "/dashboard/sign-in";
    public const string SecondFactorScheme = "LeadPlatform.SecondFactor";

    public static void AddFollowUpAuth(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Auth");
        builder.Services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();

        builder.AddServiceStoreForAccounts();
        builder.Services.TryAddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<SignInThrottle>();
        // Session cookies and antiforgery tokens are protected with a key ring in follow-up's store (sealed), shared by
        // every replica and kept across restarts; ASP.NET Core's default would be a per-machine folder.
        ServiceDefaults.Storage.StorageExtensions.AddServiceStore<IDataProtectionKeyStore>(builder, FollowUpModule.ServiceName,
            liteDb => new LiteDbDataProtectionKeyStore(liteDb),
            mongo => new MongoDataProtectionKeyStore(mongo),
            outbox: false);
        builder.Services.AddDataProtection().SetApplicationName("LeadPlatform.FollowUp");
        builder.Services.AddSingleton<StoreXmlRepository>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<StoreXmlRepository>((o, repository) => o.XmlRepository = repository);
        builder.Services.AddHostedService<BootstrapAdmin>();

        var auth = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Session or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Lax, not Strict: the OpenID Connect callback is a cross-site navigation that must find the session.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = "/dashboard/forbidden";
                o.ExpireTimeSpan = options.SessionIdleTimeout;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            })
            // Between the password and the second factor's code: who passed the password, for five minutes, nothing more.
            .AddCookie(SecondFactorScheme, o =>
            {
                o.Cookie.Name = "LeadPlatform.SecondFactor";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/dashboard/sign-in";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
                o.LoginPath = SignInPath;
            });

        if (options.Oidc.IsConfigured)
        {
            auth.AddOpenIdConnect(OidcScheme, options.Oidc.DisplayName, o =>
            {
                o.Authority = options.Oidc.Authority;
                o.ClientId = options.Oidc.ClientId;
                o.ClientSecret = options.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.CallbackPath = "/dashboard/signin-oidc";
                o.SignedOutCallbackPath = "/dashboard/signout-callback-oidc";
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
                o.Events.OnTokenValidated = MapToLocalAccountAsync;
                o.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect(SignInPath + "?error=oidc");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Coordinator, Roles.Admin, Roles.ComplianceOfficer))
            .AddPolicy(Policies.Work, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.ComplianceOfficer, Roles.Admin))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.ComplianceOfficer, Roles.Admin))
            .AddPolicy(Policies.Reports, p => p.RequireRole(Roles.Manager, Roles.Admin));

        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "LeadPlatform.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "__RequestVerificationToken";
        });
    }

    private static void AddServiceStoreForAccounts(this IHostApplicationBuilder builder) =>
        ServiceDefaults.Storage.StorageExtensions.AddServiceStore<IUserAccountStore>(builder, FollowUpModule.ServiceName,
            liteDb => new LiteDbUserAccountStore(liteDb),
            mongo => new MongoUserAccountStore(mongo),
            outbox: false);

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The identity provider says who; the local account says what they may do. No account: no entry.</summary>
    private static async Task MapToLocalAccountAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        var account = context.Principal is null ? null : await OidcAccountMatch.FindAsync(context.Principal, accounts, context.HttpContext.RequestAborted);
        if (account is null)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.FollowUp.Auth")
                .LogWarning("OpenID Connect sign-in refused: no enabled local account for the subject, and no verified email of one");
            context.Fail("No dashboard account for this identity; ask an admin to add you.");
            return;
        }
        context.Principal = AccountService.PrincipalFor(account, CookieAuthenticationDefaults.AuthenticationScheme, viaIdentityProvider: true);
    }
}
