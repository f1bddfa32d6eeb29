using System.Reflection;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Calls;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Templates;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// The coordinators' dashboard: server-rendered Razor components (escaped by construction), plain HTML forms with
/// antiforgery tokens (post, then redirect), and two small scripts for what must be live (the queue's refresh and the
/// compliance preview, both over the JSON APIs with the session cookie).
/// </summary>
public static class DashboardEndpoints
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["queue.js"] = "text/javascript; charset=utf-8",
        ["compose.js"] = "text/javascript; charset=utf-8",
        ["reports.css"] = "text/css; charset=utf-8",
        ["alerts.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/dashboard").ExcludeFromDescription().AllowAnonymous();
        open.MapGet("/assets/{name}", Asset);
        open.MapGet("/sign-in", SignInForm);
        open.MapPost("/sign-in", SignInAsync).AddEndpointFilter(RequireAntiforgery);
        open.MapGet("/sign-in/oidc", SignInWithOidc);
        open.MapGet("/sign-in/code", (Delegate)SecondFactorFormAsync);
        open.MapPost("/sign-in/code", SecondFactorAsync).AddEndpointFilter(RequireAntiforgery);
        open.MapGet("/forbidden", (HttpContext http) => Roles.IsOnlyManager(http.User) && http.Request.Query["ReturnUrl"] == "/dashboard"
            ? Results.LocalRedirect("/dashboard/reports") // a manager's start page is the reports
            : (IResult)Page<MessagePage>(new MessagePageModel
        {
            Title = "Not allowed", Message = "Your role does not allow this page or action. Ask an admin if you need it.", User = http.User,
        }, StatusCodes.Status403Forbidden));

        var read = app.MapGroup("/dashboard").ExcludeFromDescription().RequireAuthorization(Policies.Read);
        read.MapGet("", QueueAsync);
        read.MapGet("/queue/rows", QueueRowsAsync);
        app.MapQueueActions();
        read.MapGet("/leads/{leadId:guid}", LeadAsync);
        read.MapGet("/not-eligible", async (HttpContext http, DashboardQueries queries, CancellationToken ct) =>
            Page<NotEligiblePage>(new NotEligiblePageModel { User = http.User, Leads = await queries.NotEligibleAsync(ct), Display = TimeDisplay.For(http) }));
        read.MapGet("/funnel", async (HttpContext http, DashboardQueries queries, CancellationToken ct, int days = 30) =>
            Page<FunnelPage>(new FunnelPageModel { User = http.User, Report = await queries.FunnelAsync(days, ct) }));
        read.MapPost("/sign-out", (Delegate)SignOutAsync).AddEndpointFilter(RequireAntiforgery);
        read.MapGet("/security/two-factor", EnrolmentFormAsync);
        read.MapPost("/security/two-factor", EnrolAsync).AddEndpointFilter(RequireAntiforgery);

        var work = app.MapGroup("/dashboard/leads/{leadId:guid}").ExcludeFromDescription().RequireAuthorization(Policies.Work);
        work.MapGet("/compose", ComposeFormAsync);
        work.MapPost("/compose", ComposeAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapGet("/call", CallFormAsync);
        work.MapPost("/call", CallAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/call/{outreachId:guid}/confirm", ConfirmCallAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/call/log", CallLogAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/notes", NoteAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/scheduled-outreach/{id:guid}/cancel", Scheduling.ScheduledOutreachPages.CancelAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/status", StatusAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/override", OverrideAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/opt-out", OptOutAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/merge", MergeAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/unmerge", UnmergeAsync).AddEndpointFilter(RequireAntiforgery);
        work.MapPost("/links/{otherLeadId:guid}/keep-apart", KeepApartAsync).AddEndpointFilter(RequireAntiforgery);

        var admin = app.MapGroup("/dashboard/accounts").ExcludeFromDescription().RequireAuthorization(Policies.Admin);
        admin.MapGet("", async (HttpContext http, AccountService accounts, CancellationToken ct, string? notice = null) =>
            Page<AccountsPage>(new AccountsPageModel { User = http.User, Display = TimeDisplay.For(http), Accounts = await accounts.ListAsync(ct), Notice = AccountNotice(notice) }));
        admin.MapPost("", CreateAccountAsync).AddEndpointFilter(RequireAntiforgery);
        admin.MapPost("/{accountId:guid}/availability", AvailabilityAsync).AddEndpointFilter(RequireAntiforgery);
        admin.MapPost("/{accountId:guid}/role", (Guid accountId, HttpContext http, AccountService accounts, [FromForm] string? role) =>
            AdministerAsync(accountId, http, accounts, AccountAdministration.Role, role)).AddEndpointFilter(RequireAntiforgery);
        admin.MapPost("/{accountId:guid}/disable", (Guid accountId, HttpContext http, AccountService accounts) =>
            AdministerAsync(accountId, http, accounts, AccountAdministration.Disable, null)).AddEndpointFilter(RequireAntiforgery);
        admin.MapPost("/{accountId:guid}/enable", (Guid accountId, HttpContext http, AccountService accounts) =>
            AdministerAsync(accountId, http, accounts, AccountAdministration.Enable, null)).AddEndpointFilter(RequireAntiforgery);
        admin.MapPost("/{accountId:guid}/password", (Guid accountId, HttpContext http, AccountService accounts, [FromForm] string? password) =>
            AdministerAsync(accountId, http, accounts, AccountAdministration.Password, password)).AddEndpointFilter(RequireAntiforgery);
        admin.MapPost("/{accountId:guid}/second-factor/reset", (Guid accountId, HttpContext http, AccountService accounts) =>
            AdministerAsync(accountId, http, accounts, AccountAdministration.ResetSecondFactor, null)).AddEndpointFilter(RequireAntiforgery);
        app.MapTemplatePages();
        app.MapReviewPages();
        Officer.OfficerEndpoints.MapOfficer(app);
        Officer.ReportRoutes.MapReports(app);
        Webhooks.WebhookRoutes.MapWebhooks(app);
        Disclaimers.DisclaimerRoutes.MapDisclaimerApprovals(app);
        Webhooks.WebhookPages.MapWebhookPages(app);
        Import.ImportRoutes.MapImports(app);
        Officer.PrivacyRoutes.MapPrivacyRequests(app);
        return app;
    }

    /// <summary>Every form post carries the antiforgery token of the session: without it, 400 and nothing happens.</summary>
    internal static async ValueTask<object?> RequireAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form expired or did not come from this site",
                detail: "Reload the page and try again.");
        }
        return await next(context);
    }

    /// <summary>A page rendered from its typed model (its one <c>Model</c> parameter), with the status code.</summary>
    internal static RazorComponentResult Page<TComponent>(IPageModel<TComponent> model, int status = StatusCodes.Status200OK)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(new Dictionary<string, object?> { ["Model"] = model })
        {
            StatusCode = status, ContentType = "text/html; charset=utf-8",
        };


    private static Results<FileContentHttpResult, NotFound> Asset(string name)
    {
        if (!Assets.TryGetValue(name, out var contentType)) return TypedResults.NotFound();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"LeadPlatform.FollowUp.Dashboard.Assets.{name}");
        if (stream is null) return TypedResults.NotFound();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return TypedResults.File(copy.ToArray(), contentType);
    }

    private static RazorComponentResult SignInForm(IOptions<AuthOptions> options, string? returnUrl = null, string? error = null) =>
        Page<SignInPage>(new SignInPageModel
        {
            ReturnUrl = LocalOrDashboard(returnUrl),
            OidcDisplayName = options.Value.Oidc.IsConfigured ? options.Value.Oidc.DisplayName : null,
            Error = error is null ? null : "Signing in with your organisation did not work. Ask an admin whether you have an account.",
        });

    private static async Task<IResult> SignInAsync(HttpContext http, AccountService accounts, SignInThrottle throttle, IOptions<AuthOptions> options,
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var address = http.Connection.RemoteIpAddress;
        if (email is { Length: > 254 } || password is { Length: > PasswordPolicy.MaximumLength })
        {
            return SignInProblem(options, null, returnUrl, "The email or the password is not right.", StatusCodes.Status400BadRequest);
        }
        if (!string.IsNullOrWhiteSpace(email) && throttle.RetryAfter(email, address) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return SignInProblem(options, email, returnUrl,
                $"Too many sign-in attempts for this account. Wait {Seconds(wait)}, then try again. If it was not you, tell an admin.",
                StatusCodes.Status429TooManyRequests);
        }
        var account = string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)
            ? null
            : await accounts.VerifyAsync(email, password, http.RequestAborted);
        if (account is null)
        {
            if (!string.IsNullOrWhiteSpace(email)) throttle.Failed(email, address);
            return SignInProblem(options, email, returnUrl, "The email or the password is not right.", StatusCodes.Status400BadRequest);
        }
        if (account.HasSecondFactor())
        {
            // The password was right; the session begins only with the code. Until then: a five-minute cookie saying who.
            var pending = new System.Security.Claims.ClaimsIdentity(AuthSetup.SecondFactorScheme);
            pending.AddClaim(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, account.Id.ToString()));
            pending.AddClaim(new System.Security.Claims.Claim(AccountService.StampClaim, account.SecurityStamp));
            await http.SignInAsync(AuthSetup.SecondFactorScheme, new System.Security.Claims.ClaimsPrincipal(pending),
                new AuthenticationProperties { Items = { ["returnUrl"] = LocalOrDashboard(returnUrl) } });
            return TypedResults.Redirect("/dashboard/sign-in/code");
        }
        throttle.Succeeded(email!, address);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.PrincipalFor(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.LocalRedirect(LocalOrDashboard(returnUrl));
    }

    private static string Seconds(TimeSpan wait) => (int)wait.TotalSeconds == 1 ? "1 second" : $"{(int)wait.TotalSeconds} seconds";

    private static RazorComponentResult SignInProblem(IOptions<AuthOptions> options, string? email, string? returnUrl, string error, int status) =>
        Page<SignInPage>(new SignInPageModel
        {
            Error = error, Email = email, ReturnUrl = LocalOrDashboard(returnUrl),
            OidcDisplayName = options.Value.Oidc.IsConfigured ? options.Value.Oidc.DisplayName : null,
        }, status);

    private static async Task<IResult> SecondFactorFormAsync(HttpContext http)
    {
        var pending = await http.AuthenticateAsync(AuthSetup.SecondFactorScheme);
        return pending.Succeeded ? Page<SignInCodePage>(new SignInCodePageModel()) : TypedResults.Redirect(AuthSetup.SignInPath);
    }

    private static async Task<IResult> SecondFactorAsync(HttpContext http, AccountService accounts, SignInThrottle throttle, [FromForm] string? code)
    {
        var pending = await http.AuthenticateAsync(AuthSetup.SecondFactorScheme);
        if (!pending.Succeeded || AccountService.IdOf(pending.Principal!) is not { } id) return TypedResults.Redirect(AuthSetup.SignInPath);
        var account = await accounts.GetAsync(id, http.RequestAborted);
        if (account is null || account.Disabled || account.SecurityStamp != pending.Principal!.FindFirst(AccountService.StampClaim)?.Value)
        {
            await http.SignOutAsync(AuthSetup.SecondFactorScheme);
            return TypedResults.Redirect(AuthSetup.SignInPath);
        }
        var address = http.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(account.Email, address) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page<SignInCodePage>(new SignInCodePageModel { Error = $"Too many wrong codes. Wait {Seconds(wait)}, then try again." }, StatusCodes.Status429TooManyRequests);
        }
        if (!await accounts.VerifySecondFactorAsync(id, code, http.RequestAborted))
        {
            throttle.Failed(account.Email, address);
            return Page<SignInCodePage>(new SignInCodePageModel { Error = "The code is not right, or it was used already. Enter the current code from your authenticator app." },
                StatusCodes.Status400BadRequest);
        }
        throttle.Succeeded(account.Email, address);
        var returnUrl = pending.Properties?.Items.TryGetValue("returnUrl", out var r) == true ? r : null;
        await http.SignOutAsync(AuthSetup.SecondFactorScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountService.PrincipalFor((await accounts.GetAsync(id, http.RequestAborted))!, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.LocalRedirect(LocalOrDashboard(returnUrl));
    }

    private static async Task<IResult> EnrolmentFormAsync(HttpContext http, AccountService accounts, CancellationToken ct)
    {
        if (AccountService.IdOf(http.User) is not { } id || await accounts.GetAsync(id, ct) is not { } account) return TypedResults.Redirect(AuthSetup.SignInPath);
        if (account.HasSecondFactor()) return Page<TwoFactorPage>(new TwoFactorPageModel { User = http.User, Enrolled = true });
        var secret = await accounts.PendingSecretAsync(id, ct);
        return EnrolmentPage(http, account, secret!, problem: null, StatusCodes.Status200OK);
    }

    private static RazorComponentResult EnrolmentPage(HttpContext http, UserAccount account, byte[] secret, string? problem, int status) =>
        Page<TwoFactorPage>(new TwoFactorPageModel
        {
            User = http.User,
            Secret = Totp.Grouped(Totp.ToBase32(secret)),
            OtpAuthUri = Totp.Uri(AccountService.Issuer, account.Email, secret),
            Required = account.Roles.Contains(Roles.Admin),
            Problem = problem,
        }, status);

    private static async Task<IResult> EnrolAsync(HttpContext http, AccountService accounts, [FromForm] string? code)
    {
        var ct = http.RequestAborted;
        if (AccountService.IdOf(http.User) is not { } id || await accounts.GetAsync(id, ct) is not { } account) return TypedResults.Redirect(AuthSetup.SignInPath);
        if (account.HasSecondFactor()) return TypedResults.Redirect("/dashboard/security/two-factor");
        var enrolled = await accounts.ConfirmEnrolmentAsync(id, code, ct);
        if (enrolled is null)
        {
            return EnrolmentPage(http, account, (await accounts.PendingSecretAsync(id, ct))!,
                "The code does not fit this secret. Check the time on your phone, and enter the code the app shows now.", StatusCodes.Status400BadRequest);
        }
        // The stamp changed (other sessions end); this one goes on with the new stamp and its second factor.
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountService.PrincipalFor(enrolled, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.Redirect("/dashboard/security/two-factor");
    }

    private static IResult SignInWithOidc(IOptions<AuthOptions> options, string? returnUrl = null) =>
        options.Value.Oidc.IsConfigured
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrDashboard(returnUrl) }, [AuthSetup.OidcScheme])
            : TypedResults.NotFound();

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, AccountService accounts)
    {
        // Every session of the account ends, a copied cookie too: the stamp it carries is no longer the account's.
        if (AccountService.IdOf(http.User) is { } id) await accounts.EndSessionsAsync(id, http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect(AuthSetup.SignInPath);
    }

    /// <summary>
    /// Only a path on this site: never an open redirect. Control, format and separator characters (a tab, U+0001, U+0085, a
    /// bidi override) are not in any of the dashboard's paths: such a return URL is replaced by the dashboard's.
    /// </summary>
    /// <summary>
    /// The return URL when it is a path of this site, else the dashboard. Letters beyond ASCII are percent-encoded (UTF-8), as
    /// a browser would send them: a response header holds ASCII only, and "/dashboard/leads?q=José" is still where to go.
    /// </summary>
    internal static string LocalOrDashboard(string? url)
    {
        if (url is not { Length: > 0 and <= 2048 } || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
            || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator))
            return "/dashboard";
        if (url.All(char.IsAscii)) return url;
        var encoded = new System.Text.StringBuilder(url.Length * 3);
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsAscii(c)) { encoded.Append(c); continue; }
            var length = char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]) ? 2 : 1;
            if (char.IsSurrogate(c) && length == 1) return "/dashboard"; // half a character: not a URL anyone wrote
            encoded.Append(Uri.EscapeDataString(url.Substring(i, length)));
            i += length - 1;
        }
        return encoded.ToString();
    }

    /// <summary>
    /// The queue's filter from the query string. Without a scope the page shows "my tasks" to a signed-in coordinator and
    /// all tasks to everyone else (admins, compliance officers, API tokens); the rows fragment, which the page's script always
    /// asks for with the page's scope, keeps its older default of all tasks.
    /// </summary>
    internal static QueueFilter Filter(HttpRequest request, System.Security.Claims.ClaimsPrincipal user, bool page = true)
    {
        string? Q(string key) => request.Query[key].ToString() is { Length: > 0 and <= 200 } v ? v : null;
        int Int(string key, int fallback) => int.TryParse(Q(key), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : fallback;
        var defaultScope = page && AccountService.IdOf(user) is not null && user.IsInRole(Roles.Coordinator) ? QueueFilter.Mine : QueueFilter.All;
        var scope = Q("scope") is QueueFilter.Mine or QueueFilter.All or QueueFilter.Unassigned ? Q("scope")! : defaultScope;
        var sort = Q("sort") is { } s && QueueFilter.SortKeys.Contains(s.TrimStart('-')) ? s : "due";
        return new QueueFilter(scope, Q("tier"), Q("status"), Q("assignee"), Q("condition"), Q("search"))
        {
            Sort = sort,
            Page = Math.Max(1, Int("page", 1)),
            PageSize = Math.Clamp(Int("pageSize", QueueFilter.DefaultPageSize), 1, QueueFilter.MaxPageSize),
        };
    }

    private static async Task<RazorComponentResult> QueueAsync(HttpContext http, DashboardQueries queries, Tasks.ICoordinatorRoster roster,
        Calls.Contactability contactability, AccountService accounts, CancellationToken ct, string? notice = null, string? view = null)
    {
        var filter = Filter(http.Request, http.User);
        var display = TimeDisplay.For(http);
        var rows = await queries.QueueAsync(filter, http.User, ct);
        var all = await queries.QueueAsync(new QueueFilter(QueueFilter.All, null, null, null, null, null), http.User, ct);
        var coordinators = (await roster.GetCoordinatorsAsync(ct)).ToList();
        return Page<QueuePage>(new QueuePageModel
        {
            User = http.User,
            Filter = filter,
            Result = DashboardQueries.WithContact(DashboardQueries.Page(rows, filter), contactability, display),
            Display = display,
            SavedViews = await Views.SavedViewEndpoints.OfAsync(http.User, accounts, ct),
            CurrentView = Guid.TryParse(view, out var viewId) ? viewId : (Guid?)null,
            Assignees = coordinators.Select(c => (c.Id, c.Name)).ToList(),
            Conditions = all.Select(r => r.Condition).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            Reoffered = http.User.IsInRole(Roles.Admin) ? all.Where(r => r.ReofferedAt is not null).ToList() : [],
            Unassigned = all.Count(r => r.AssignedTo is null),
            Notice = QueueActions.Notice(notice),
        });
    }

    private static async Task<RazorComponentResult> QueueRowsAsync(HttpContext http, DashboardQueries queries, Calls.Contactability contactability, CancellationToken ct)
    {
        var filter = Filter(http.Request, http.User, page: false);
        var display = TimeDisplay.For(http);
        var result = DashboardQueries.WithContact(DashboardQueries.Page(await queries.QueueAsync(filter, http.User, ct), filter), contactability, display);
        http.Response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page<QueueRows>(new QueueRowsModel { Rows = result.Rows, CanWork = http.User.IsInRole(Roles.Coordinator) || http.User.IsInRole(Roles.Admin), Display = display });
    }

    private static async Task<IResult> LeadAsync(Guid leadId, HttpContext http, ILeadStore store, Reviews.ReviewService reviews, TimeProvider time,
        Audit.LeadAccessLog accessLog, Calls.Contactability contactability, AccountService accounts, CancellationToken ct, string? notice = null, string? show = null)
    {
        var lead = await store.GetAsync(leadId, ct);
        if (lead is null) return NoSuchLead(http);
        await accessLog.RecordAsync(leadId, http.User, Audit.LeadAccessKinds.LeadPage, ct);
        // The names of the leads that may be the same person, so a coordinator can compare (nothing else of theirs is shown here).
        var others = new Dictionary<Guid, string>();
        foreach (var link in lead.PossibleSamePeople)
        {
            if (await store.GetAsync(link.LeadId, ct) is { } other) others[link.LeadId] = DashboardQueries.NameOf(other);
        }
        var display = TimeDisplay.For(http);
        var names = (await accounts.ListAsync(ct))
            .Where(a => a.Email.Length > 0)
            .GroupBy(a => a.Email.Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First().DisplayName is { Length: > 0 } name ? name : g.Key);
        return Page<LeadPage>(new LeadPageModel
        {
            User = http.User, Lead = lead, Now = time.GetUtcNow(), Notice = Notice(notice), Others = others, Reviews = await reviews.ForLeadAsync(leadId, ct),
            Display = display, Channels = contactability.For(lead, display), Names = names,
            Show = PlainWords.Filters.Any(f => f.Key == show) ? show : null,
        });
    }

    private static string? Notice(string? code) => code switch
    {
        "sent" => "Sent. The outreach and its evidence record are below.",
        "scheduled" => "Scheduled: it goes at the lead's next allowed moment, checked again then (see Scheduled outreach).",
        "schedule-cancelled" => "The scheduled outreach is cancelled: nothing will be sent.",
        "call" => "Call logged.",
        "call-logged" => "Call logged.",
        "callback" => "Call logged; the callback is the lead's next task.",
        "call-flagged" => "Call logged. It had no cleared call script read aloud, so it is flagged for the compliance officer.",
        "note" => "Note added.",
        "status" => "Status saved.",
        "lost" => "Closed as lost, with the reason.",
        "consultation" => "Consultation saved.",
        "consultation-sent" => "Consultation saved. The lead was sent the details.",
        "consultation-scheduled" => "Consultation saved. The message to the lead waits for the next allowed moment (see the timeline).",
        "consultation-held" => "Consultation saved. The message to the lead is held for a compliance officer's review.",
        "consultation-not-sent" => "Consultation saved, but the message to the lead was not sent: the timeline says why.",
        "consultation-cancelled" => "Consultation cancelled. A task to follow up was opened.",
        "consultation-no-show" => "Recorded that the lead did not come. A task to follow up was opened.",
        "contact" => "Contact details corrected. Consent must be confirmed through the new number or address before texts, calls or email go there.",
        "contact-same" => "Nothing changed: that is what is on file.",
        "override" => "Overridden: a follow-up task was created.",
        "opt-out" => "Opt-out recorded.",
        "merged" => "Merged: everything of the other lead is on this one now.",
        "kept-apart" => "Marked as different people: the link is dismissed.",
        "unmerged" => "Unmerged: the other lead is its own lead again, with what came with it; every opt-out stays on both; they are kept apart.",
        _ => null,
    };

    private static RazorComponentResult NoSuchLead(HttpContext http) => Page<MessagePage>(new MessagePageModel
    {
        Title = "No such lead (yet)", Message = "A lead appears here a moment after its quote request was accepted.", User = http.User,
    }, StatusCodes.Status404NotFound);

    private static string ComposeChannel(string? channel) => channel == "sms" ? "sms" : "email";

    private static async Task<IResult> ComposeFormAsync(Guid leadId, HttpContext http, ILeadStore store, TemplateService templates, Reviews.ReviewService reviews,
        CancellationToken ct, string? channel = null, Guid? template = null, Guid? review = null)
    {
        var lead = await store.GetAsync(leadId, ct);
        if (lead is null) return NoSuchLead(http);
        var channelName = ComposeChannel(channel);
        var offered = await templates.OfferedAsync(channelName, lead, ct);
        // A template fills the form in for this lead; the coordinator edits it, and the check runs on what they send.
        var chosen = template is { } id ? offered.FirstOrDefault(t => t.Id == id) : null;
        var (subject, body) = chosen is null ? (null, null) : TemplateService.Render(chosen, lead, http.User.Identity?.Name ?? "your coordinator");
        // A message a compliance officer returned: start again from it.
        if (chosen is null && review is { } reviewId && await reviews.GetAsync(reviewId, ct) is { LeadId: var of } returned && of == leadId
            && returned.Channel == channelName && returned.Status is Reviews.ReviewStatus.Rejected or Reviews.ReviewStatus.Blocked)
        {
            (subject, body) = (returned.Final.Subject, returned.Final.Body);
        }
        return Page<ComposePage>(new ComposePageModel { User = http.User, Lead = lead, Channel = channelName, Templates = offered, TemplateId = chosen?.Id, Subject = subject, Body = body });
    }

    private static async Task<IResult> ComposeAsync(Guid leadId, HttpContext http, ILeadStore store, OutreachSender sender, TemplateService templates,
        Scheduling.OutreachScheduler scheduler, [FromForm] string? channel, [FromForm] string? subject, [FromForm] string? body, [FromForm] Guid? templateId,
        [FromForm] string? whenNotAllowedNow)
    {
        var schedule = whenNotAllowedNow == "schedule";
        var ct = http.RequestAborted;
        var lead = await store.GetAsync(leadId, ct);
        if (lead is null) return NoSuchLead(http);
        var channelName = ComposeChannel(channel);
        var errors = DraftValidation.Check(channelName, subject, body, out var parsed);
        if (ChannelPolicy.For(parsed).HasSubject && string.IsNullOrWhiteSpace(subject)) errors["subject"] = ["An email needs a subject."];
        if (errors.Count > 0)
        {
            return Page<ComposePage>(new ComposePageModel
            {
                User = http.User, Lead = lead, Channel = channelName, Subject = subject, Body = body, Schedule = schedule,
                Problem = string.Join(" ", errors.SelectMany(e => e.Value)),
            }, StatusCodes.Status400BadRequest);
        }

        // Started from an approved template: its text, filled in for this lead, is not screened again; what the coordinator added is.
        var template = templateId is { } tid ? await templates.GetAsync(tid, ct) : null;
        var request = new OutreachRequest
        {
            Channel = parsed,
            Subject = ChannelPolicy.For(parsed).HasSubject ? subject!.Trim() : null,
            Body = body!,
            Author = Actor.For(http.User),
            ApprovedContent = template is null ? [] : TemplateService.ApprovedContentFor(template, lead, Actor.For(http.User)),
        };
        var outcome = await sender.SendAsync(leadId, request, ct);
        if (schedule && outcome.Kind == OutreachOutcomeKind.Blocked && outcome.Decision?.NextAllowedAt is not null)
        {
            var item = await scheduler.ScheduleAsync(leadId, request, outcome, CancellationToken.None);
            return TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=scheduled#scheduled-{item.Id}");
        }
        return outcome.Kind switch
        {
            OutreachOutcomeKind.Sent => TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=sent#outreach-{outcome.Record!.Id}"),
            OutreachOutcomeKind.HeldForReview => Page<ComposePage>(new ComposePageModel
            {
                User = http.User, Lead = lead, Channel = channelName, Subject = subject, Body = body, TemplateId = template?.Id,
                Held = true,
                Violations = (IReadOnlyList<ComplianceViolation>)outcome.Decision!.Violations,
            }),
            OutreachOutcomeKind.LeadNotFound => NoSuchLead(http),
            _ => Page<ComposePage>(new ComposePageModel
            {
                User = http.User, Lead = lead, Channel = channelName, Subject = subject, Body = body, TemplateId = template?.Id, Schedule = schedule,
                Problem = outcome.Kind == OutreachOutcomeKind.Blocked
                    ? "Blocked by the compliance check: nothing was sent. The decision is in the lead's evidence ledger."
                    : outcome.Problem ?? "The message was cleared but the channel did not accept it; it is recorded as failed.",
                Violations = (IReadOnlyList<ComplianceViolation>?)outcome.Decision?.Violations ?? [],
            }, outcome.Kind == OutreachOutcomeKind.Blocked ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status502BadGateway),
        };
    }

    private static async Task<IResult> CallFormAsync(Guid leadId, HttpContext http, ILeadStore store, Calls.Contactability contactability, CancellationToken ct)
    {
        var lead = await store.GetAsync(leadId, ct);
        return lead is null ? NoSuchLead(http) : CallPageFor(http, lead, contactability, null, null, null, []);
    }

    /// <summary>The call page: the number, both clocks, whether a call is allowed now, the script (if any) and the outcome form.</summary>
    private static RazorComponentResult CallPageFor(HttpContext http, LeadDocument lead, Calls.Contactability contactability, string? points, CallScript? script,
        string? problem, IReadOnlyList<ComplianceViolation> violations, int status = StatusCodes.Status200OK)
    {
        var display = TimeDisplay.For(http);
        var readiness = CallEndpoints.Readiness(lead, contactability, display);
        var zones = LeadTimeZones.For(lead.Person?.Country, lead.Person?.PostalCode, lead.Person?.Phone);
        string? callbackDefault = null, callbackHint = null;
        if (!readiness.AllowedNow && readiness.NextAllowedAt is { } next)
        {
            // Rounded up to the next five minutes, in the clinic's clock (what a datetime-local field shows).
            var rounded = new DateTimeOffset((next.UtcTicks + TimeSpan.TicksPerMinute * 5 - 1) / (TimeSpan.TicksPerMinute * 5) * (TimeSpan.TicksPerMinute * 5), TimeSpan.Zero);
            callbackDefault = TimeZoneInfo.ConvertTime(rounded, display.Clinic).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            callbackHint = $"The next allowed time: {display.HereAndForTheLead(rounded, zones)}.";
        }
        return Page<CallPage>(new CallPageModel
        {
            User = http.User, Lead = lead, Readiness = readiness, CallbackDefault = callbackDefault, CallbackHint = callbackHint,
            Points = points, Script = script, Problem = problem, Violations = violations,
        }, status);
    }

    private static async Task<IResult> CallAsync(Guid leadId, HttpContext http, ILeadStore store, OutreachSender sender, Calls.Contactability contactability,
        [FromForm] string? body)
    {
        var ct = http.RequestAborted;
        var lead = await store.GetAsync(leadId, ct);
        if (lead is null) return NoSuchLead(http);
        var errors = DraftValidation.Check("phone", null, body, out _);
        if (errors.Count > 0)
        {
            return CallPageFor(http, lead, contactability, body, null, string.Join(" ", errors.SelectMany(e => e.Value)), [], StatusCodes.Status400BadRequest);
        }
        var outcome = await sender.SendAsync(leadId, new OutreachRequest { Channel = OutreachChannel.Phone, Body = body!, Author = Actor.For(http.User) }, ct);
        lead = await store.GetAsync(leadId, ct) ?? lead;
        if (outcome.Kind == OutreachOutcomeKind.ScriptIssued)
        {
            var disclaimer = outcome.Cleared!.Disclaimers.FirstOrDefault(d => d.RequiresReadAloudConfirmation)?.Text ?? string.Empty;
            return CallPageFor(http, lead, contactability, null, new CallScript(outcome.Cleared.OutreachId, outcome.Cleared.Message, disclaimer), null, []);
        }
        return CallPageFor(http, lead, contactability, body,
            null,
            outcome.Kind == OutreachOutcomeKind.Blocked ? "Blocked by the compliance check: do not call now." : outcome.Problem ?? "The call script could not be issued.",
            (IReadOnlyList<ComplianceViolation>?)outcome.Decision?.Violations ?? [], StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> CallLogAsync(Guid leadId, HttpContext http, ILeadStore store, Calls.CallLog calls, TimeProvider time,
        [FromForm] string? outcome, [FromForm] string? direction, [FromForm] string? durationMinutes, [FromForm] string? notes,
        [FromForm] string? callbackAt, [FromForm] Guid? scriptOutreachId, [FromForm] string? readAloud)
    {
        var display = TimeDisplay.For(http);
        var problems = new List<string>();
        int? seconds = null;
        if (!string.IsNullOrWhiteSpace(durationMinutes))
        {
            if (double.TryParse(durationMinutes, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
                && minutes is >= 0 and <= 1440) seconds = (int)Math.Round(minutes * 60);
            else problems.Add("Give the duration in minutes, from 0 to 1440.");
        }
        DateTimeOffset? callback = null;
        if (!string.IsNullOrWhiteSpace(callbackAt))
        {
            if (DateTime.TryParseExact(callbackAt, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var local))
            {
                callback = new DateTimeOffset(local, display.Clinic.GetUtcOffset(local));
            }
            else problems.Add("Give the callback time as a date and a time.");
        }
        var body = new CallBody(outcome, direction, seconds, notes, callback, scriptOutreachId, readAloud == "true");
        problems.AddRange(CallEndpoints.Validate(body, time.GetUtcNow()).SelectMany(e => e.Value));
        if (problems.Count > 0)
        {
            return Page<MessagePage>(new MessagePageModel { Title = "The call is not logged yet", Message = string.Join(" ", problems) + " Go back and correct it.", User = http.User },
                StatusCodes.Status400BadRequest);
        }
        var (call, problem) = await calls.LogAsync(leadId, new Calls.CallLogRequest
        {
            Direction = direction!, Outcome = outcome!, DurationSeconds = seconds, Notes = notes, CallbackAt = callback,
            ScriptOutreachId = scriptOutreachId, ReadAloud = readAloud == "true", By = Actor.For(http.User),
        }, http.RequestAborted);
        if (problem is not null) return Page<MessagePage>(new MessagePageModel { Title = "The call is not logged yet", Message = problem, User = http.User }, StatusCodes.Status409Conflict);
        if (call is null) return NoSuchLead(http);
        return TypedResults.Redirect($"/dashboard/leads/{leadId}?notice={(call.FlaggedForCompliance ? "call-flagged" : call.CallbackTaskId is null ? "call-logged" : "callback")}");
    }

    private static async Task<IResult> ConfirmCallAsync(Guid leadId, Guid outreachId, HttpContext http, OutreachSender sender, [FromForm] string? confirmed)
    {
        if (confirmed != "true") return TypedResults.Redirect($"/dashboard/leads/{leadId}/call");
        var (record, problem) = await sender.ConfirmReadAsync(leadId, outreachId, Actor.For(http.User), http.RequestAborted);
        if (record is null) return NoSuchLead(http);
        return problem is null
            ? TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=call#outreach-{outreachId}")
            : Page<MessagePage>(new MessagePageModel { Title = "The call cannot be logged", Message = problem, User = http.User }, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> NoteAsync(Guid leadId, HttpContext http, LeadActions actions, [FromForm] string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > LeadActions.MaxNoteLength)
        {
            return Page<MessagePage>(new MessagePageModel { Title = "The note is not valid", Message = $"Write a note of 1 to {LeadActions.MaxNoteLength} characters.", User = http.User },
                StatusCodes.Status400BadRequest);
        }
        return await actions.AddNoteAsync(leadId, text, Actor.For(http.User), http.RequestAborted)
            ? TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=note")
            : NoSuchLead(http);
    }

    private static async Task<IResult> StatusAsync(Guid leadId, HttpContext http, LeadActions actions, [FromForm] string? status, [FromForm] string? reason,
        [FromForm] string? lostReason, [FromForm] string? lostText, Consultations.LeadClosing closing, ILeadStore store)
    {
        if (!LeadStatuses.Map.TryParse(status, out var chosen) || !(LeadActions.SettableStatuses.Contains(chosen) || chosen == LeadStatus.NotEligible) || reason is { Length: > 1000 })
        {
            return Page<MessagePage>(new MessagePageModel { Title = "Unknown status", Message = "Choose one of the listed statuses.", User = http.User }, StatusCodes.Status400BadRequest);
        }
        if (chosen == LeadStatus.Lost && await store.GetAsync(leadId, http.RequestAborted) is { Status: not LeadStatus.NotEligible } open)
        {
            // Lost needs a reason from the list (the reports count them): without one, the form asks for it beside the field.
            var lostErrors = Consultations.ConsultationValidation.Lost(lostReason, lostText);
            if (lostErrors.Count > 0)
            {
                return Page<Consultations.LostFormPage>(new Consultations.LostFormPageModel
                {
                    User = http.User, Lead = open, Errors = lostErrors,
                    Values = new Dictionary<string, string?> { ["lostReason"] = lostReason, ["lostText"] = lostText },
                }, StatusCodes.Status400BadRequest);
            }
            return await closing.CloseAsLostAsync(leadId, lostReason!, lostText, Actor.For(http.User), http.RequestAborted)
                ? TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=lost")
                : NoSuchLead(http);
        }
        return await actions.ChangeStatusAsync(leadId, chosen, reason, Actor.For(http.User), http.RequestAborted) switch
        {
            StatusChange.NotFound => NoSuchLead(http),
            StatusChange.ReasonRequired => Page<MessagePage>(new MessagePageModel
            {
                Title = "A reason is required",
                Message = "This lead is not eligible. To follow it up after all, give a reason (at most 1000 characters): a follow-up task is then created.",
                User = http.User,
            }, StatusCodes.Status400BadRequest),
            StatusChange.NotSettable => Page<MessagePage>(new MessagePageModel
            {
                Title = "Not a status to set", Message = "\"Not eligible\" is set by the qualification; choose \"Lost\" or \"Not a candidate\" to close a lead.", User = http.User,
            }, StatusCodes.Status400BadRequest),
            StatusChange.Overridden => TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=override"),
            _ => TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=status"),
        };
    }

    private static async Task<IResult> OverrideAsync(Guid leadId, HttpContext http, LeadActions actions, [FromForm] string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            return Page<MessagePage>(new MessagePageModel { Title = "A reason is required", Message = "Say why the lead should be followed up after all (at most 1000 characters).", User = http.User },
                StatusCodes.Status400BadRequest);
        }
        return await actions.OverrideEligibilityAsync(leadId, reason, Actor.For(http.User), http.RequestAborted)
            ? TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=override")
            : NoSuchLead(http);
    }

    private static async Task<IResult> OptOutAsync(Guid leadId, HttpContext http, OptOutRecorder optOuts, [FromForm] string? channel)
    {
        // The form posts a channel's exact name, or all.
        if (channel is null || (!(ChannelPolicy.TryParse(channel, out var policy) && policy.Name == channel) && channel != OptOutScopeNames.AllName))
        {
            return Page<MessagePage>(new MessagePageModel { Title = "Unknown channel", Message = "Choose email, text message, phone or any channel.", User = http.User }, StatusCodes.Status400BadRequest);
        }
        return await optOuts.OptOutAsync(leadId, channel, "coordinator", Actor.For(http.User), http.RequestAborted) is null
            ? NoSuchLead(http)
            : TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=opt-out");
    }

    private static async Task<IResult> MergeAsync(Guid leadId, HttpContext http, SamePerson.LeadMerger merger, [FromForm] Guid? otherLeadId)
    {
        if (otherLeadId is not { } other || other == leadId)
            return Page<MessagePage>(new MessagePageModel { Title = "Choose a lead", Message = "Choose the other lead to merge into this one.", User = http.User }, StatusCodes.Status400BadRequest);
        var (result, reason) = await merger.MergeAsync(leadId, other, Actor.For(http.User), http.RequestAborted);
        return result switch
        {
            SamePerson.MergeResult.NotFound => NoSuchLead(http),
            SamePerson.MergeResult.Refused => Page<MessagePage>(new MessagePageModel { Title = "Not merged", Message = reason ?? "These leads cannot be merged.", User = http.User }, StatusCodes.Status409Conflict),
            _ => TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=merged"),
        };
    }

    private static async Task<IResult> UnmergeAsync(Guid leadId, HttpContext http, SamePerson.LeadMerger merger, [FromForm] Guid? otherLeadId)
    {
        if (otherLeadId is not { } other || other == leadId)
            return Page<MessagePage>(new MessagePageModel { Title = "Choose a lead", Message = "Choose the lead merged into this one to unmerge.", User = http.User }, StatusCodes.Status400BadRequest);
        var (result, reason) = await merger.UnmergeAsync(leadId, other, Actor.For(http.User), http.RequestAborted);
        return result switch
        {
            SamePerson.MergeResult.NotFound => NoSuchLead(http),
            SamePerson.MergeResult.Refused => Page<MessagePage>(new MessagePageModel { Title = "Not unmerged", Message = reason ?? "These leads cannot be unmerged.", User = http.User }, StatusCodes.Status409Conflict),
            _ => TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=unmerged"),
        };
    }

    private static async Task<IResult> KeepApartAsync(Guid leadId, Guid otherLeadId, HttpContext http, SamePerson.LeadMerger merger) =>
        await merger.KeepApartAsync(leadId, otherLeadId, Actor.For(http.User), http.RequestAborted) switch
        {
            SamePerson.MergeResult.NotFound => NoSuchLead(http),
            SamePerson.MergeResult.Refused => Page<MessagePage>(new MessagePageModel { Title = "Already merged", Message = "These leads were merged.", User = http.User }, StatusCodes.Status409Conflict),
            _ => TypedResults.Redirect($"/dashboard/leads/{leadId}?notice=kept-apart"),
        };

    private static async Task<IResult> CreateAccountAsync(HttpContext http, AccountService accounts,
        [FromForm] string? email, [FromForm] string? displayName, [FromForm] string? password, [FromForm] string? role)
    {
        var (account, error) = string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || role is null
            ? (null, "Fill in every field.")
            : await accounts.CreateAsync(email, displayName ?? string.Empty, password, [role], http.RequestAborted,
                by: $"{http.User.Identity?.Name} ({AccountService.IdOf(http.User)})");
        if (account is not null) return TypedResults.Redirect("/dashboard/accounts");
        return Page<AccountsPage>(new AccountsPageModel { User = http.User, Display = TimeDisplay.For(http), Accounts = await accounts.ListAsync(http.RequestAborted), Problem = error }, StatusCodes.Status400BadRequest);
    }

    private static string? AccountNotice(string? code) => code switch
    {
        "role" => "Role changed. The account's sessions have ended; the new role applies from its next sign-in.",
        "disable" => "Account disabled. Its sessions have ended.",
        "enable" => "Account enabled.",
        "password" => "Password reset. The account's sessions have ended; give the person the new password in person or by phone.",
        "assignment" => "Assignment settings saved: the round-robin and the backlog hand-out use them from now on.",
        "resetsecondfactor" => "Second factor removed. The person enrols a new one at their next sign-in (admins must).",
        _ => null,
    };

    private static async Task<IResult> AdministerAsync(Guid accountId, HttpContext http, AccountService accounts, AccountAdministration what, string? value)
    {
        var ct = http.RequestAborted;
        var self = AccountService.IdOf(http.User) == accountId;
        string? error = null;
        if (self && what is AccountAdministration.Role or AccountAdministration.Disable)
        {
            error = "You cannot change your own role or disable yourself; ask another admin.";
        }
        else
        {
            var by = $"{http.User.Identity?.Name} ({AccountService.IdOf(http.User)})";
            (var changed, error) = await accounts.AdministerAsync(accountId, by, what, value, ct);
            if (changed is not null) return TypedResults.Redirect($"/dashboard/accounts?notice={what.ToString().ToLowerInvariant()}");
            if (error == "No such account.") return TypedResults.NotFound();
        }
        return Page<AccountsPage>(new AccountsPageModel { User = http.User, Display = TimeDisplay.For(http), Accounts = await accounts.ListAsync(ct), Problem = error }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> AvailabilityAsync(Guid accountId, HttpContext http, AccountService accounts, [FromForm] string? availability)
    {
        if (availability is not ("on_duty" or "off_duty" or "on_leave")) return TypedResults.BadRequest();
        var changed = await accounts.UpdateAsync(accountId, a =>
        {
            a.OnLeave = availability == "on_leave";
            a.OnDuty = availability == "on_duty";
        }, http.RequestAborted);
        if (changed is null) return TypedResults.NotFound();
        // Someone coming on duty gets the unassigned backlog now, by the round-robin's rules (the background check would, later).
        if (availability == "on_duty") await http.RequestServices.GetRequiredService<Tasks.TaskAssignment>().HandOutBacklogAsync(http.RequestAborted);
        return TypedResults.Redirect("/dashboard/accounts");
    }
}
