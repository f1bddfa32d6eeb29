using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>OpenID Connect is wired only when it is configured: then the sign-in page offers it beside local accounts.</summary>
public sealed class Signing_in_with_OpenID_Connect
{
    [Fact]
    public async Task Without_settings_there_is_no_OpenID_Connect_scheme_and_no_button()
    {
        await using var host = await OutreachHost.StartAsync();
        using var session = new DashboardSession(host.Host.Address);

        Assert.Null(await host.Host.App.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("OpenIdConnect"));
        Assert.DoesNotContain("/dashboard/sign-in/oidc", await session.Http.GetStringAsync("/dashboard/sign-in"), StringComparison.Ordinal);
        using var oidc = await session.Http.GetAsync("/dashboard/sign-in/oidc");
        Assert.Equal(HttpStatusCode.NotFound, oidc.StatusCode);
    }

    [Fact]
    public async Task With_an_authority_and_a_client_id_the_sign_in_page_offers_the_organisation_s_sign_in()
    {
        await using var host = await OutreachHost.StartAsync(null,
            "--Auth:Oidc:Authority=https://login.clinic.example", "--Auth:Oidc:ClientId=leadplatform-dashboard",
            "--Auth:Oidc:ClientSecret=test-only-secret", "--Auth:Oidc:DisplayName=Sign in with Clinic SSO");
        using var session = new DashboardSession(host.Host.Address);

        var scheme = await host.Host.App.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("OpenIdConnect");
        Assert.NotNull(scheme);
        var page = await session.Http.GetStringAsync("/dashboard/sign-in");
        Assert.Contains("Sign in with Clinic SSO", page, StringComparison.Ordinal);
        Assert.Contains("/dashboard/sign-in/oidc", page, StringComparison.Ordinal);
        // Local accounts still work beside it.
        Assert.Contains("name=\"password\"", page, StringComparison.Ordinal);
    }
}
