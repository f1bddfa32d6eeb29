using System.Net;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// The dashboard's Data Protection key ring lives in follow-up's store, sealed: a coordinator's session cookie is still
/// good after follow-up restarts (or on another replica sharing the database), and the key material is never stored in clear.
/// </summary>
public sealed class Keeping_sessions_across_restarts
{
    private const string Email = "admin@clinic.example";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_session_signed_in_before_a_restart_is_still_good_after_it_and_the_key_ring_is_sealed_in_the_store()
    {
        var folder = Directory.CreateTempSubdirectory("leadplatform-keyring-").FullName;
        string[] settings = [$"--Storage:DataFolder={folder}", $"--Auth:BootstrapAdmin:Email={Email}", $"--Auth:BootstrapAdmin:Password={Password}"];
        try
        {
            string cookie;
            await using (var first = await OutreachHost.StartAsync(null, settings))
            {
                var accounts = first.Host.App.Services.GetRequiredService<AccountService>();
                await Eventually.GetAsync(() => accounts.FindAsync(Email), a => a is not null, what: "the bootstrap admin");
                using var session = await DashboardSession.SignedInAsync(first.Host.Address, Email, Password);
                cookie = session.Cookies.GetCookies(first.Host.Address)[AuthSetup.CookieName]!.Value;

                var keys = await first.Host.App.Services.GetRequiredService<IDataProtectionKeyStore>().ListAsync(TestContext.Current.CancellationToken);
                Assert.NotEmpty(keys);
                Assert.All(keys, k =>
                {
                    Assert.StartsWith("pd1:", k.Xml, StringComparison.Ordinal);
                    Assert.DoesNotContain("masterKey", k.Xml, StringComparison.Ordinal);
                });
            }

            await using var second = await OutreachHost.StartAsync(null, settings);
            using var again = new DashboardSession(second.Host.Address);
            again.Cookies.Add(new Cookie(AuthSetup.CookieName, cookie, "/", second.Host.Address.Host));
            using var queue = await again.Http.GetAsync("/dashboard", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);

            using var stranger = new DashboardSession(second.Host.Address);
            stranger.Cookies.Add(new Cookie(AuthSetup.CookieName, cookie[..^4] + "AAAA", "/", second.Host.Address.Host));
            using var forged = await stranger.Http.GetAsync("/dashboard", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
