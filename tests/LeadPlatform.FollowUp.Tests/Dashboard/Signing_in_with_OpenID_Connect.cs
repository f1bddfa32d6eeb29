using System.Net;
using System.Security.Claims;
using LeadPlatform.FollowUp.Auth;
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

    /// <summary>What the identity provider's validated token says, as the OpenID Connect handler hands it over.</summary>
    private static ClaimsPrincipal Identity(string subject, string? email, string? emailVerified, string issuer = "https://login.clinic.example")
    {
        var claims = new List<Claim> { new("sub", subject, ClaimValueTypes.String, issuer), new("iss", issuer, ClaimValueTypes.String, issuer) };
        if (email is not null) claims.Add(new Claim("email", email, ClaimValueTypes.String, issuer));
        if (emailVerified is not null) claims.Add(new Claim("email_verified", emailVerified, ClaimValueTypes.Boolean, issuer));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"));
    }

    [Fact]
    public async Task An_identity_whose_email_is_not_verified_does_not_get_the_account_of_that_email()
    {
        await using var host = await OutreachHost.StartAsync();
        var accounts = host.Host.App.Services.GetRequiredService<AccountService>();
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana", "correct horse battery staple", [Roles.Admin])).Account);

        Assert.Null(await OidcAccountMatch.FindAsync(Identity("attacker-1", "ana@clinic.example", emailVerified: null), accounts));
        Assert.Null(await OidcAccountMatch.FindAsync(Identity("attacker-1", "ana@clinic.example", emailVerified: "false"), accounts));
        Assert.Null((await accounts.FindAsync("ana@clinic.example"))!.OidcSubject);
    }

    [Fact]
    public async Task A_verified_email_matches_once_and_binds_the_subject_which_then_matches_whatever_the_email_says()
    {
        await using var host = await OutreachHost.StartAsync();
        var accounts = host.Host.App.Services.GetRequiredService<AccountService>();
        var ana = (await accounts.CreateAsync("ana@clinic.example", "Ana", "correct horse battery staple", [Roles.Coordinator])).Account!;

        var first = await OidcAccountMatch.FindAsync(Identity("ana-subject", "Ana@Clinic.example", emailVerified: "true"), accounts);
        Assert.Equal(ana.Id, first?.Id);
        // Later: matched by subject, even after her email changed at the provider.
        Assert.Equal(ana.Id, (await OidcAccountMatch.FindAsync(Identity("ana-subject", "ana.new@clinic.example", emailVerified: "false"), accounts))?.Id);
        // Another subject claiming her (verified) email does not get the bound account.
        Assert.Null(await OidcAccountMatch.FindAsync(Identity("someone-else", "ana@clinic.example", emailVerified: "true"), accounts));
        // Nor does the same subject from another issuer.
        Assert.Null(await OidcAccountMatch.FindAsync(Identity("ana-subject", "ana@clinic.example", emailVerified: "true", issuer: "https://evil.example"), accounts));
    }
}
