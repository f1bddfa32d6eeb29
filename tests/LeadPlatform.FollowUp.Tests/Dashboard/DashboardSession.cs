using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// A browser's view of the dashboard over real HTTP: its own cookies, no token, redirects not followed; optionally from
/// another loopback address (127.0.0.2 …), as a different client would be.
/// </summary>
public sealed partial class DashboardSession : IDisposable
{
    // The TOTP secrets the tests enrolled, by host and email, so that later sign-ins can make codes.
    private static readonly ConcurrentDictionary<string, byte[]> Secrets = new(StringComparer.Ordinal);
    private readonly SocketsHttpHandler _handler;

    public DashboardSession(Uri address, IPAddress? from = null)
    {
        _handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        if (from is not null)
        {
            _handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            };
        }
        Address = address;
        Http = new HttpClient(_handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public CookieContainer Cookies => _handler.CookieContainer!;

    /// <summary>
    /// Signed in with the password and, when asked, a code; an admin without a second factor enrols one first (as the
    /// dashboard requires), with the secret shown on the enrolment page.
    /// </summary>
    public static async Task<DashboardSession> SignedInAsync(Uri address, string email, string password, TimeProvider? time = null)
    {
        var session = new DashboardSession(address);
        using var response = await session.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/dashboard/sign-in/code", StringComparison.Ordinal))
        {
            using var code = await session.EnterCodeAsync(email, time);
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
            return session;
        }
        using var probe = await session.Http.GetAsync("/dashboard");
        if (probe.Headers.Location?.OriginalString == "/dashboard/security/two-factor") await session.EnrolAsync(email, time);
        return session;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/dashboard/sign-in", new() { ["email"] = email, ["password"] = password, ["returnUrl"] = "/dashboard" }, "/dashboard/sign-in");

    /// <summary>Enrols the second factor from the enrolment page's secret and the current code; the secret is kept for later sign-ins.</summary>
    public async Task<byte[]> EnrolAsync(string email, TimeProvider? time = null)
    {
        var html = await Http.GetStringAsync("/dashboard/security/two-factor");
        var secret = Totp.FromBase32(WebUtility.HtmlDecode(SecretField().Match(html).Groups[1].Value).Replace(" ", string.Empty, StringComparison.Ordinal));
        var code = Totp.Code(secret, Totp.StepAt((time ?? TimeProvider.System).GetUtcNow()));
        using var enrolled = await PostFormAsync("/dashboard/security/two-factor", new() { ["code"] = code }, "/dashboard/security/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Secrets[Key(email)] = secret;
        return secret;
    }

    /// <summary>The code step of sign-in with a code of the enrolled secret (the current step's, or the next one's if that was used).</summary>
    public async Task<HttpResponseMessage> EnterCodeAsync(string email, TimeProvider? time = null)
    {
        var secret = Secrets[Key(email)];
        var step = Totp.StepAt((time ?? TimeProvider.System).GetUtcNow());
        var response = await PostFormAsync("/dashboard/sign-in/code", new() { ["code"] = Totp.Code(secret, step) }, "/dashboard/sign-in/code");
        if (response.StatusCode != HttpStatusCode.BadRequest) return response;
        response.Dispose();
        return await PostFormAsync("/dashboard/sign-in/code", new() { ["code"] = Totp.Code(secret, step + 1) }, "/dashboard/sign-in/code");
    }

    public static byte[] SecretOf(Uri address, string email) => Secrets[$"{address}|{UserAccount.Normalize(email)}"];

    private string Key(string email) => $"{Address}|{UserAccount.Normalize(email)}";

    /// <summary>The antiforgery token of a page's form, as a browser would find it.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    /// <summary>Posts a form with the token from <paramref name="tokenPage"/> (null: without a token).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? tokenPage)
    {
        if (tokenPage is not null) fields["__RequestVerificationToken"] = await TokenAsync(tokenPage);
        return await Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<code class=\"secret\"[^>]*>([^<]+)</code>")]
    private static partial Regex SecretField();

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
