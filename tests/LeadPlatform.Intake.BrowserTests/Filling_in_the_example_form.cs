using Deque.AxeCore.Playwright;
using LeadPlatform.Intake.Forms;
using LeadPlatform.Intake.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.Intake.BrowserTests;

/// <summary>
/// A visitor in Chromium on the example form that intake serves, posting it as a plain HTML form (the example site
/// allows the intake host's own origin, "self").
/// </summary>
public sealed class Filling_in_the_example_form : IAsyncLifetime
{
    private const string Chromium = BrowserSession.Chromium;
    private static readonly string Artifacts = BrowserSession.Artifacts;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("leadplatform-intake-browser-").FullName;
    private RunningHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        Requirements.SkipUnlessAvailable("chromium", File.Exists(Chromium) ? null : $"Chromium is not installed at {Chromium}");
        _host = await RunningHost.StartAsync(IntakeHost.Build,
            "--Bus:Transport=InProcess", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={_dataFolder}",
            "--Intake:Sites:example:ApiKey=example-browser-test-key", "--Intake:Sites:example:AllowedOrigins:0=self",
            "--Intake:Sites:example:ThankYouUrl=/forms/thank-you",
            // A test fills the form faster than a person could; the fill-time spam check has its own tests.
            "--Intake:MinFillTime=00:00:00");
        (_playwright, _browser) = await BrowserSession.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    private IQuoteRequestStore Store => _host!.App.Services.GetRequiredService<IQuoteRequestStore>();

    [Fact]
    public async Task A_visitor_fills_it_in_lands_on_the_thank_you_page_and_the_request_is_stored_with_the_consent_they_gave()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US" });
        await page.GotoAsync(new Uri(_host!.Address, "/forms/example?utm_source=newsletter&utm_campaign=spring").ToString());
        var email = $"maria.lopez+{Guid.NewGuid():N}@fastmail.com";

        await page.GetByLabel("First name", Exact).FillAsync("Maria");
        await page.GetByLabel("Last name", Exact).FillAsync("Lopez");
        await page.GetByLabel("Email", Exact).FillAsync(email);
        await page.GetByLabel("Phone", Exact).FillAsync("+1 415 555 0134");
        await page.GetByLabel("Date of birth", Exact).FillAsync("1990-04-12");
        await page.GetByLabel("Country", Exact).SelectOptionAsync("US");
        await page.GetByLabel("How should we contact you?", Exact).SelectOptionAsync("sms");
        await page.GetByLabel("Condition", Exact).SelectOptionAsync("spondylolysis");
        await page.GetByLabel("How many months have you had symptoms?", Exact).FillAsync("8");
        await page.GetByLabel("Rest", Exact).CheckAsync();
        await page.GetByLabel("Physical therapy", Exact).CheckAsync();
        await page.GetByLabel("Message", Exact).FillAsync("Pain for 8 months, PT helped a little.");
        await page.GetByLabel(ExampleFormEndpoints.EmailConsentText).CheckAsync();
        await page.GetByLabel(ExampleFormEndpoints.SmsConsentText).CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "example-form-filled.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Request my free quote" }).ClickAsync();

        try
        {
            // Generous: on a busy 2-core machine this once took over 30 s (or landed elsewhere: the message says where).
            await page.ArrivedAtAsync(@"/forms/thank-you\?quoteRequestId=", timeout: 60_000);
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "example-form-not-thanked.png"), FullPage = true });
            Assert.Fail($"After submitting, the browser is at {page.Url}, not the thank-you page: {await page.InnerTextAsync("body")}");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "example-form-thank-you.png"), FullPage = true });
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" }).IsVisibleAsync());
        var quoteRequestId = BrowserSession.QuoteRequestIdIn(page.Url);
        var stored = await Store.GetAsync(quoteRequestId);
        Assert.NotNull(stored);
        Assert.Equal("example", stored.SiteId);
        Assert.Equal(QuoteRequestStatus.Received, stored.Status);
        Assert.Single(stored.Outbox);
        var submission = stored.Submission;
        Assert.Equal(email, submission.Person.Email);
        Assert.Equal("+14155550134", submission.Person.Phone);
        Assert.Equal("sms", submission.Person.PreferredChannel);
        Assert.Equal(["rest", "physical_therapy"], submission.Inquiry.TreatmentsTried);
        Assert.True(submission.Consent.Email.Granted);
        Assert.Equal(ExampleFormEndpoints.EmailConsentText, submission.Consent.Email.Text);
        Assert.True(submission.Consent.Sms.Granted);
        Assert.Equal(ExampleFormEndpoints.SmsConsentText, submission.Consent.Sms.Text);
        Assert.Equal(ExampleFormEndpoints.ConsentTextVersion, submission.Consent.Sms.TextVersion);
        Assert.Equal(stored.ReceivedAt, submission.Consent.Sms.GrantedAt);
        Assert.False(submission.Consent.Phone.Granted);
        Assert.Equal("example", submission.Source.FormId);
        Assert.Contains("/forms/example", submission.Source.PageUrl, StringComparison.Ordinal);
        Assert.Equal("newsletter", submission.Source.UtmSource);
        Assert.Equal("spring", submission.Source.UtmCampaign);
        Assert.Contains("Chrome", submission.Source.UserAgent, StringComparison.Ordinal);
        Assert.NotNull(submission.Source.ClientIp);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_patient_on_a_phone_submits_the_Spanish_form_with_an_error_corrects_it_beside_the_field_and_is_thanked_in_Spanish(bool javaScript)
    {
        await using var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 1,
            IsMobile = true,
            HasTouch = true,
            Locale = "es-MX",
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        var mode = javaScript ? "js" : "nojs";
        // The browser's language (Accept-Language: es-MX) chooses Spanish.
        await page.GotoAsync(new Uri(_host!.Address, "/forms/example").ToString());
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        var email = $"maria.jose+{Guid.NewGuid():N}@fastmail.com";

        await page.GetByLabel("Nombre", Exact).FillAsync("María José");
        await page.GetByLabel("Apellidos", Exact).FillAsync("García");
        await page.GetByLabel("Fecha de nacimiento", Exact).FillAsync("1985-09-30");
        await page.GetByLabel("Correo electrónico", Exact).FillAsync(email);
        await page.GetByLabel("Afección", Exact).SelectOptionAsync("other");
        // "Describa su afección" is left empty: the error.
        await page.GetByLabel("Mensaje", Exact).FillAsync("Dolor lumbar desde hace un año.");
        await page.GetByLabel(FormTexts.Spanish.EmailConsentText).CheckAsync();
        await BrowserSession.ShotAsync(page, $"form-es-390-{mode}-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = FormTexts.Spanish.Submit }).ClickAsync();

        var error = page.Locator("#conditionOther-error");
        await error.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        Assert.Equal("Describa su afección, ya que eligió Otra.", (await error.InnerTextAsync()).Trim());
        var description = page.GetByLabel("Describa su afección", Exact);
        Assert.Equal("true", await description.GetAttributeAsync("aria-invalid"));
        Assert.Contains("conditionOther-error", await description.GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Equal("Describa su afección, ya que eligió Otra.", (await page.Locator("#error-summary a[href='#conditionOther']").InnerTextAsync()).Trim());
        // What was typed is still there, and nothing else is marked.
        Assert.Equal(email, await page.GetByLabel("Correo electrónico", Exact).InputValueAsync());
        Assert.Equal("Dolor lumbar desde hace un año.", await page.GetByLabel("Mensaje", Exact).InputValueAsync());
        Assert.True(await page.GetByLabel(FormTexts.Spanish.EmailConsentText).IsCheckedAsync());
        Assert.Equal(1, await page.Locator("[aria-invalid=true]").CountAsync());
        Assert.DoesNotContain("conditionOther", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await BrowserSession.ShotAsync(page, $"form-es-390-{mode}-error");
        if (javaScript)
        {
            // axe runs in the page: only where JavaScript is on (the same page without it is the server's render, checked as well by the 1280 test's rules).
            var axe = await page.RunAxe();
            Assert.Empty(axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}"));
        }

        // The summary's link takes the patient to the field; they correct it there.
        await page.Locator("#error-summary a[href='#conditionOther']").ClickAsync();
        await description.FillAsync("Hernia discal L5-S1");
        if (javaScript) await Eventually.GetAsync(() => error.IsVisibleAsync(), visible => !visible, what: "the error beside the field to go once it is corrected");
        await page.GetByRole(AriaRole.Button, new() { Name = FormTexts.Spanish.Submit }).ClickAsync();

        try
        {
            await page.ArrivedAtAsync(@"/forms/thank-you\?quoteRequestId=", timeout: 60_000);
        }
        catch (TimeoutException)
        {
            await BrowserSession.ShotAsync(page, $"form-es-390-{mode}-not-thanked");
            Assert.Fail($"After correcting, the browser is at {page.Url}: {await page.InnerTextAsync("body")}");
        }
        await BrowserSession.ShotAsync(page, $"form-es-390-{mode}-thank-you");
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Gracias" }).IsVisibleAsync());
        Assert.Contains("por correo electrónico", await page.InnerTextAsync("#next"), StringComparison.Ordinal);
        if (javaScript)
        {
            Assert.Empty((await page.RunAxe()).Violations.Select(v => $"{v.Id}: {v.Help}"));
            // No sideways scrolling on the phone.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        }

        var stored = await Store.GetAsync(BrowserSession.QuoteRequestIdIn(page.Url));
        Assert.NotNull(stored);
        Assert.Equal("es", stored.Submission.Person.Language);
        Assert.Equal("other", stored.Submission.Inquiry.Condition);
        Assert.Equal("Hernia discal L5-S1", stored.Submission.Inquiry.ConditionOther);
        Assert.Equal(FormTexts.Spanish.EmailConsentText, stored.Submission.Consent.Email.Text);
        Assert.Equal(FormTexts.Spanish.ConsentTextVersion, stored.Submission.Consent.Email.TextVersion);
    }

    [Fact]
    public async Task With_JavaScript_the_health_data_consent_shows_only_for_a_postal_code_in_Washington_Nevada_or_Connecticut_and_is_required_there()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "en-US" });
        await page.GotoAsync(new Uri(_host!.Address, "/forms/example").ToString());
        var health = page.Locator("#health-consent");
        Assert.False(await health.IsVisibleAsync());

        await page.GetByLabel("Postal code", Exact).FillAsync("98101");
        await Eventually.GetAsync(() => health.IsVisibleAsync(), visible => visible, what: "a Seattle ZIP code to show the health-data consent");
        await page.GetByLabel("First name", Exact).FillAsync("Ana");
        await page.GetByLabel("Last name", Exact).FillAsync("Silva");
        await page.GetByLabel("Date of birth", Exact).FillAsync("1979-01-02");
        await page.GetByLabel("Email", Exact).FillAsync($"ana+{Guid.NewGuid():N}@fastmail.com");
        await page.GetByLabel(ExampleFormEndpoints.EmailConsentText).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Request my free quote" }).ClickAsync();
        await page.Locator("#consentHealthData-error").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await BrowserSession.ShotAsync(page, "form-en-390-health-consent");

        await page.GetByLabel("Postal code", Exact).FillAsync("10001");
        await Eventually.GetAsync(() => health.IsVisibleAsync(), visible => !visible, what: "a New York ZIP code to hide it again");
    }

    [Fact]
    public async Task The_form_at_1280_pixels_has_no_accessibility_violations_no_third_party_requests_and_touch_sized_controls()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "pt-BR" });
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_host!.Address.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) foreign.Add(request.Url);
        };
        await page.GotoAsync(new Uri(_host!.Address, "/forms/example").ToString());
        Assert.Equal("pt", await page.GetAttributeAsync("html", "lang"));
        await BrowserSession.ShotAsync(page, "form-pt-1280");

        var results = await page.RunAxe();
        Assert.Empty(results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}"));
        Assert.Empty(foreign);
        var small = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('input:not([type=hidden]):not(#website), select, textarea, button, main a')]
              .map(e => { const r = (e.type === 'checkbox' ? e.closest('label') : e).getBoundingClientRect(); return [e.id || e.textContent, r.height]; })
              .filter(([, h]) => h > 0 && h < 44).map(([n, h]) => n + ': ' + h)
            """);
        Assert.Empty(small);
        Assert.NotEqual("monospace", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('textarea')).fontFamily"));
    }
}
