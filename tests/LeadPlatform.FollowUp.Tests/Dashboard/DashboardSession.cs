using System.Net;
using System.Text.RegularExpressions;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>A browser's view of the dashboard over real HTTP: its own cookies, no token, redirects not followed.</summary>
public sealed partial class DashboardSession : IDisposable
{
    private readonly HttpClientHandler _handler = new() { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };

    public DashboardSession(Uri address) => Http = new HttpClient(_handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http { get; }
    public CookieContainer Cookies => _handler.CookieContainer;

    public static async Task<DashboardSession> SignedInAsync(Uri address, string email, string password)
    {
        var session = new DashboardSession(address);
        using var response = await session.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/dashboard/sign-in", new() { ["email"] = email, ["password"] = password, ["returnUrl"] = "/dashboard" }, "/dashboard/sign-in");

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

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
