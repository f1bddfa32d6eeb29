using System.Net;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>
/// The full disclaimer that every text links to, as the patient reads it (issue 18): in the lead's language (sealed in
/// the link, or chosen with the switch, or the browser's), the FDA's consumer page as a link, no internal id, the clinic's
/// address only when one is configured.
/// </summary>
public sealed class Reading_the_full_disclaimer
{
    private static async Task<string> GetAsync(OutreachHost host, string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_Spanish_lead_s_link_opens_the_Spanish_disclaimer_with_the_FDA_page_as_a_link_and_no_internal_id()
    {
        await using var host = await OutreachHost.StartAsync();
        var link = host.Host.App.Services.GetRequiredService<PublicLinks>().FullDisclaimerUrl("spondylolysis", "es-MX");

        var page = await GetAsync(host, new Uri(link).PathAndQuery);

        Assert.Contains("<html lang=\"es\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.fda.gov/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("FollowUp:", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(OutreachHost.ClinicAddress), page, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"pt\"", page, StringComparison.Ordinal);
        Assert.Contains("width=device-width", page, StringComparison.Ordinal);
        Assert.Contains("overflow-wrap:anywhere", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_chooses_another_language_and_an_old_link_follows_the_browser_s_language()
    {
        await using var host = await OutreachHost.StartAsync();
        var link = new Uri(host.Host.App.Services.GetRequiredService<PublicLinks>().FullDisclaimerUrl("spondylolysis", "es")).AbsolutePath;

        Assert.Contains("<html lang=\"pt\">", await GetAsync(host, link + "?lang=pt"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\">", await GetAsync(host, "/disclaimers/spondylolysis", "es-ES,es;q=0.9"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", await GetAsync(host, "/disclaimers/spondylolysis", "de-DE"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_postal_address_the_page_shows_no_address_line_at_all()
    {
        await using var host = await OutreachHost.StartAsync(null, "--FollowUp:ClinicPostalAddress=");

        var page = await GetAsync(host, "/disclaimers/spondylolysis");

        Assert.DoesNotContain("<address>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ClinicPostalAddress", page, StringComparison.Ordinal);
        Assert.DoesNotContain("[clinic postal address]", page, StringComparison.Ordinal);
    }
}
