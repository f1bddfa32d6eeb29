using System.Net;
using Deque.AxeCore.Playwright;
using LeadPlatform.Intake.Storage;
using LeadPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.Intake.BrowserTests;

/// <summary>
/// A clinic's own site on another origin (<c>http://clinic.test:port</c>, a host name Chromium maps to loopback) embeds
/// the hosted form of its site in an iframe, and also posts a plain form of its own; both reach intake with no secret in
/// the page. A page on an origin the site does not allow (<c>http://evil.test:port</c>) cannot frame the form.
/// </summary>
public sealed class Embedding_the_form_on_a_clinic_s_site : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("leadplatform-intake-embed-").FullName;
    private readonly int _clinicPort = FreePort.Next();
    private RunningHost? _intake;
    private WebApplication? _clinic;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string ClinicOrigin => $"http://clinic.test:{_clinicPort}";
    private string EvilOrigin => $"http://evil.test:{_clinicPort}";
    private string IntakeOrigin => _intake!.Address.GetLeftPart(UriPartial.Authority);
    private IQuoteRequestStore Store => _intake!.App.Services.GetRequiredService<IQuoteRequestStore>();

    public async ValueTask InitializeAsync()
    {
        Requirements.SkipUnlessAvailable("chromium", File.Exists(BrowserSession.Chromium) ? null : $"Chromium is not installed at {BrowserSession.Chromium}");
        _intake = await RunningHost.StartAsync(IntakeHost.Build,
            "--Bus:Transport=InProcess", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={_dataFolder}",
            // The clinic's site: its id and its allowed origin, nothing else (no key is needed by a browser).
            "--Intake:Sites:clinic:ApiKey=clinic-backend-key-0123456789", $"--Intake:Sites:clinic:AllowedOrigins:0={ClinicOrigin}",
            "--Intake:MinFillTime=00:00:00");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_clinicPort}");
        _clinic = builder.Build();
        // The snippets of the README, as a clinic would paste them.
        _clinic.MapGet("/", () => Results.Content(Page("Spine clinic — free quote",
            $"""<iframe src="{IntakeOrigin}/forms/clinic?lang=en" title="Request a free quote" style="width:100%;height:2600px;border:0"></iframe>"""), "text/html"));
        _clinic.MapGet("/plain", () => Results.Content(Page("Spine clinic — contact", PlainForm()), "text/html"));
        await _clinic.StartAsync();
        (_playwright, _browser) = await BrowserSession.LaunchAsync("--host-resolver-rules=MAP clinic.test 127.0.0.1, MAP evil.test 127.0.0.1");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_clinic is not null) await _clinic.DisposeAsync();
        if (_intake is not null) await _intake.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static string Page(string title, string body) =>
        $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)}</title></head><body><main><h1>{WebUtility.HtmlEncode(title)}</h1>{body}</main></body></html>""";

    private string PlainForm() => $"""
        <form method="post" action="{IntakeOrigin}/api/v1/quote-requests">
          <label for="fn">First name</label> <input id="fn" name="firstName">
          <label for="ln">Last name</label> <input id="ln" name="lastName">
          <label for="em">Email</label> <input id="em" name="email" type="email">
          <label for="dob">Date of birth</label> <input id="dob" name="dateOfBirth" type="date">
          <input type="hidden" name="country" value="US">
          <input type="hidden" name="condition" value="spondylolysis">
          <input type="hidden" name="language" value="en">
          <input type="hidden" name="source.formId" value="clinic-contact-page">
          <label><input type="checkbox" name="consent.email.granted" value="true"> I agree to be contacted by email about my inquiry.</label>
          <input type="hidden" name="consent.email.text" value="I agree to be contacted by email about my inquiry.">
          <input type="hidden" name="consent.email.textVersion" value="clinic-2026-12">
          <button type="submit">Send</button>
        </form>
        """;

    [Fact]
    public async Task The_form_embedded_in_an_iframe_on_the_clinic_s_origin_submits_and_thanks_inside_the_frame()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US" });
        await page.GotoAsync($"{ClinicOrigin}/");
        var form = page.FrameLocator("iframe[title='Request a free quote']");
        var exact = new FrameLocatorGetByLabelOptions { Exact = true };
        var email = $"tom+{Guid.NewGuid():N}@fastmail.com";

        await form.GetByLabel("First name", exact).FillAsync("Tom");
        await form.GetByLabel("Last name", exact).FillAsync("Baker");
        await form.GetByLabel("Date of birth", exact).FillAsync("1970-05-06");
        await form.GetByLabel("Email", exact).FillAsync(email);
        await form.GetByLabel(Forms.ExampleFormEndpoints.EmailConsentText).CheckAsync();
        await BrowserSession.ShotAsync(page, "embedded-390-page");
        // A cross-origin frame is drawn by its own renderer: its content is shot through the frame itself.
        await form.Locator("main").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Artifacts, "embedded-390-filled-frame.png") });
        await form.GetByRole(AriaRole.Button, new() { Name = "Request my free quote" }).ClickAsync();

        await form.GetByRole(AriaRole.Heading, new() { Name = "Thank you" }).WaitForAsync(new() { Timeout = 60_000 });
        await form.Locator("main").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Artifacts, "embedded-390-thank-you-frame.png") });
        Assert.Equal($"{ClinicOrigin}/", page.Url); // the clinic's page stays; the frame moved on
        var frame = page.Frames.Single(f => f != page.MainFrame);
        var stored = await Store.GetAsync(BrowserSession.QuoteRequestIdIn(frame.Url));
        Assert.NotNull(stored);
        Assert.Equal("clinic", stored.SiteId);
        Assert.Equal(email, stored.Submission.Person.Email);
        Assert.Equal("clinic", stored.Submission.Source.FormId);
        Assert.Empty((await page.RunAxe()).Violations.Select(v => $"{v.Id}: {v.Help}"));
    }

    [Fact]
    public async Task A_plain_form_on_the_clinic_s_own_page_posts_across_origins_and_its_errors_come_back_as_the_hosted_form()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US" });
        await page.GotoAsync($"{ClinicOrigin}/plain");
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("Rosa");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"rosa+{Guid.NewGuid():N}@fastmail.com");
        await page.GetByLabel("Date of birth", new() { Exact = true }).FillAsync("1992-03-04");
        await page.GetByLabel("I agree to be contacted by email about my inquiry.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        // The last name was forgotten: intake answers with the clinic's hosted form, the error beside the field, what was typed kept.
        var error = page.Locator("#lastName-error");
        await error.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        Assert.Equal("Enter your last name.", (await error.InnerTextAsync()).Trim());
        Assert.Equal("Rosa", await page.GetByLabel("First name", new() { Exact = true }).InputValueAsync());
        await BrowserSession.ShotAsync(page, "clinic-plain-form-error-1280");

        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Díaz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Request my free quote" }).ClickAsync();
        await page.ArrivedAtAsync(@"/forms/thank-you\?quoteRequestId=", timeout: 60_000);
        var stored = await Store.GetAsync(BrowserSession.QuoteRequestIdIn(page.Url));
        Assert.Equal("clinic", stored!.SiteId);
        Assert.Equal("clinic-contact-page", stored.Submission.Source.FormId);
        Assert.Equal("Díaz", stored.Submission.Person.LastName);
    }

    [Fact]
    public async Task A_page_on_an_origin_the_site_does_not_allow_cannot_frame_the_form()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"{IntakeOrigin}/forms/clinic");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"frame-ancestors 'self' {ClinicOrigin}", csp, StringComparison.Ordinal);

        var page = await _browser!.NewPageAsync();
        var blocked = new TaskCompletionSource<bool>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("frame-ancestors", StringComparison.Ordinal)) blocked.TrySetResult(true);
        };
        await page.GotoAsync($"{EvilOrigin}/");
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await page.FrameLocator("iframe").Locator("form#quote").CountAsync());
    }
}
