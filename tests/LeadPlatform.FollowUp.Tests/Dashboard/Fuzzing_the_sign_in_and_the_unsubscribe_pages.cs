using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using LeadPlatform.Compliance;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// The follow-up of intake's fuzz test (Fuzzing_the_intake) for the doors of follow-up that need no session: the
/// dashboard's sign-in (the page and its form, with and without a valid antiforgery token) and the unsubscribe and
/// disclaimer pages, with hostile return URLs, emails, passwords, tokens (mutations of a genuine one, huge, control
/// characters, bad percent-encoding) and bodies. Never a 5xx and never a stack trace. The seed is printed; set
/// <c>FUZZ_SEED</c> (and <c>FUZZ_REQUESTS</c>) to replay.
/// </summary>
public sealed class Fuzzing_the_sign_in_and_the_unsubscribe_pages : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private const string KnownAddress = "198.51.100.1";
    private OutreachHost _host = null!;

    private static readonly string[] Hostile =
    [
        "", " ", "/", "//evil.example", "/\\evil.example", "https://evil.example/", "/%01x", "/a%09b", "/%C2%85x", "/\u0001x", "/a\tb", "/\u0085x",
        "/\u202Eevil", "/a\r\nSet-Cookie: x=y", "/dashboard?q=José", "/é\U0001F600", "/dashboard?x=<script>alert(1)</script>", "/dashboard/../../etc/passwd", "javascript:alert(1)",
        "\0", "%00", "%", "%zz", "%C0%AF", "\uD800", "\uFFFF", "' OR '1'='1", "{\"$gt\":\"\"}", "${jndi:ldap://x}", "../../", new string('/', 3000),
        new string('a', 9000), "admin@clinic.example", "ADMIN@CLINIC.EXAMPLE", "admin@clinic.example\u0000", "ádmin@clinic.example",
    ];

    public async ValueTask InitializeAsync()
    {
        // Behind a (test) proxy, so each request can come from its own client address: the sign-in throttle counts per address
        // and per account, and the fuzz must reach the handler, not only the throttle.
        _host = await OutreachHost.StartAsync(null, $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}",
            "--ForwardedHeaders:KnownProxies:0=127.0.0.1", "--ForwardedHeaders:KnownProxies:1=::1");
        await Eventually.GetAsync(() => _host.Host.App.Services.GetRequiredService<LeadPlatform.FollowUp.Auth.AccountService>().FindAsync(AdminEmail),
            a => a is not null, what: "the bootstrap admin");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Three_thousand_hostile_requests_to_sign_in_unsubscribe_and_disclaimers_never_get_a_5xx_or_a_stack_trace()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : 3000;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"fuzz seed {seed} (replay: FUZZ_SEED={seed}), {count} requests");
        var lead = await _host.SubmittedAsync();
        var genuine = _host.Host.App.Services.GetRequiredService<UnsubscribeTokens>().Issue(lead.LeadId);
        using var bare = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        // A genuine antiforgery cookie and token, sent with a form so it gets past antiforgery to the handler; the session
        // cookie a successful sign-in sets is not kept (a signed-in user's antiforgery token is another one).
        using var page = await bare.GetAsync("/dashboard/sign-in", TestContext.Current.CancellationToken);
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("LeadPlatform.Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

        // The admin signs in once from its usual address before the hostile tries start (they then throttle only new addresses).
        using (var first = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = AdminEmail, ["password"] = Password, ["returnUrl"] = "/dashboard", ["__RequestVerificationToken"] = token }),
        })
        {
            first.Headers.Add("X-Forwarded-For", KnownAddress);
            first.Headers.Add("Cookie", antiforgeryCookie);
            using var signedIn = await bare.SendAsync(first, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (index, cancellationToken) =>
            {
                var random = new Random(unchecked(seed * 7919 + index)); // not HashCode.Combine: its seed changes per process, so FUZZ_SEED could not replay a run
                var (what, request, withSession) = Generate(random, genuine, token);
                using (request)
                {
                    HttpResponseMessage response;
                    try
                    {
                        if (withSession) request.Headers.Add("Cookie", antiforgeryCookie);
                        response = await bare.SendAsync(request, cancellationToken);
                    }
                    catch (HttpRequestException ex)
                    {
                        failures.Enqueue($"#{index} {what}: the connection failed ({ex.Message})");
                        return;
                    }
                    using (response)
                    {
                        var status = (int)response.StatusCode;
                        statuses.AddOrUpdate($"{what.Split(' ')[0]} {status}", 1, (_, c) => c + 1);
                        var body = await response.Content.ReadAsStringAsync(cancellationToken);
                        if (status >= 500) failures.Enqueue($"#{index} {what} → {status}: {Truncate(body)}");
                        else if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
                            failures.Enqueue($"#{index} {what} → {status}: a stack trace or exception in the body: {Truncate(body)}");
                        else if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location
                                 && (location.IsAbsoluteUri || location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal)))
                            failures.Enqueue($"#{index} {what} → {status}: redirected off the site to {location}");
                    }
                }
            });

        output?.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}×{p.Value}")));
        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} failures, the first ones:\n{string.Join("\n", failures.Take(10))}"
            + $"\nthe server's exceptions ({_host.Exceptions.All.Count}):\n{string.Join("\n", _host.Exceptions.All.Take(3))}");
        Assert.Contains(statuses.Keys, k => k.EndsWith(" 200", StringComparison.Ordinal)); // genuine requests got through
        Assert.True(statuses.GetValueOrDefault("sign-in 302") > 100, "hardly a sign-in got through to the handler"); // and signed in, with hostile return URLs
    }

    private static (string What, HttpRequestMessage Request, bool WithSession) Generate(Random random, string genuine, string antiforgery)
    {
        string Pick() => random.Next(4) == 0 ? RandomText(random, random.Next(0, 300)) : Hostile[random.Next(Hostile.Length)];
        switch (random.Next(7))
        {
            case 0:
                return ("sign-in-page GET", new HttpRequestMessage(HttpMethod.Get, $"/dashboard/sign-in?returnUrl={Escape(Pick())}&error={Escape(Pick())}"), false);
            case 1:
            {
                // The right account and password with a hostile return URL, from the address the admin always signs in
                // from (it never fails there, so the throttle lets it through): what reaches the redirect.
                var good = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["email"] = AdminEmail, ["password"] = Password, ["returnUrl"] = Pick(), ["__RequestVerificationToken"] = antiforgery,
                    }),
                };
                good.Headers.Add("X-Forwarded-For", KnownAddress);
                return ("sign-in POST (right password)", good, true);
            }
            case 2:
            {
                var withToken = random.Next(3) != 0;
                var fields = new List<KeyValuePair<string, string>>
                {
                    new("email", random.Next(2) == 0 ? AdminEmail : Pick()),
                    new("password", random.Next(4) == 0 ? Password : Pick()),
                    new("returnUrl", Pick()),
                };
                if (withToken) fields.Add(new("__RequestVerificationToken", random.Next(6) == 0 ? Pick() : antiforgery));
                if (random.Next(5) == 0) fields.Add(new(Pick(), Pick()));
                var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in");
                request.Content = random.Next(8) switch
                {
                    0 => new ByteArrayContent(RandomBytes(random)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
                    1 => new StringContent("{\"email\":\"" + AdminEmail + "\"}", Encoding.UTF8, "application/json"),
                    2 => new StringContent("email=%zz&password=%&returnUrl=%C0%AF", Encoding.ASCII, "application/x-www-form-urlencoded"),
                    _ => new FormUrlEncodedContent(fields),
                };
                request.Headers.Add("X-Forwarded-For", $"203.0.{random.Next(0, 256)}.{random.Next(1, 255)}");
                return ($"sign-in POST (token {withToken})", request, withToken);
            }
            case 3:
            case 4:
            {
                var token = MutateToken(random, genuine);
                var method = random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Post;
                var request = new HttpRequestMessage(method, $"/unsubscribe/{token}");
                if (method == HttpMethod.Post && random.Next(2) == 0)
                    request.Content = new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded");
                return ($"unsubscribe {method}", request, false);
            }
            case 5:
                return ("unsubscribe-raw GET", new HttpRequestMessage(HttpMethod.Get, "/unsubscribe/" + Escape(Pick())), false);
            default:
                return ("disclaimer GET", new HttpRequestMessage(HttpMethod.Get, "/disclaimers/" + (random.Next(4) == 0 ? "spondylolysis" : Escape(Pick()))), false);
        }
    }

    /// <summary>A genuine token, or one changed: a character flipped, cut short, lengthened, doubled, percent-encoded junk.</summary>
    private static string MutateToken(Random random, string genuine)
    {
        var chars = genuine.ToCharArray();
        switch (random.Next(8))
        {
            case 0: return genuine;
            case 1:
                chars[random.Next(chars.Length)] = "ABCxyz019-_.~"[random.Next(13)];
                return new string(chars);
            case 2: return genuine[..random.Next(genuine.Length)];
            case 3: return genuine + RandomText(random, random.Next(1, 60)).Replace("/", "", StringComparison.Ordinal);
            case 4: return genuine + "." + genuine;
            case 5: return Convert.ToBase64String(RandomBytes(random)).Replace('/', '_').Replace('+', '-').TrimEnd('=');
            case 6: return new string('A', random.Next(1, 4000));
            default: return Escape(new string(chars) + Hostile[random.Next(Hostile.Length)]);
        }
    }

    private static string Escape(string value) => value.Length > 4000 ? Uri.EscapeDataString(value[..4000]) : Uri.EscapeDataString(value.Replace("\uD800", "x", StringComparison.Ordinal));

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 600)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x800),
                2 => "<>\"'&%\\/;=?#"[random.Next(12)],
                3 => (char)random.Next(0x2000, 0x2070),
                _ => (char)random.Next(32, 127),
            });
        }
        return text.ToString();
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
