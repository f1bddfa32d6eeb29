using LeadPlatform.Compliance;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// The links patients follow: one-click unsubscribe and the full evidence disclaimer, under <c>FollowUp:PublicBaseUrl</c>
/// or, unset, the host's own address (the standalone default <c>http://localhost:5080</c> when there is no server).
/// Both carry opaque tokens only (<see cref="UnsubscribeTokens"/>, <see cref="DisclaimerLinkTokens"/>): nothing about
/// the lead, not even its condition, can be read from a link that leaves the clinic.
/// </summary>
internal sealed class PublicLinks(IOptions<FollowUpOptions> options, UnsubscribeTokens tokens, DisclaimerLinkTokens disclaimerTokens, IServiceProvider services)
{
    public const string DefaultBaseUrl = "http://localhost:5080";
    private const string UnsubscribePath = "/unsubscribe/";

    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.Trim().TrimEnd('/');
            var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (string.IsNullOrWhiteSpace(address)) return DefaultBaseUrl;
            foreach (var any in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
            {
                address = address.Replace(any, "://localhost", StringComparison.Ordinal);
            }
            return address.TrimEnd('/');
        }
    }

    public string UnsubscribeUrl(Guid leadId) => BaseUrl + UnsubscribePath + tokens.Issue(leadId);

    /// <summary>The full disclaimer's page, in the lead's language when given.</summary>
    public string FullDisclaimerUrl(string? condition, string? language = null) => string.IsNullOrWhiteSpace(options.Value.FullDisclaimerUrl)
        ? $"{BaseUrl}/disclaimers/{disclaimerTokens.Issue(string.IsNullOrWhiteSpace(condition) ? "unknown" : condition.Trim().ToLowerInvariant(), language)}"
        : options.Value.FullDisclaimerUrl.Trim();
}
