using System.Net;
using System.Net.Sockets;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>
/// Where a webhook may go: https to a public address. Loopback, private ranges (RFC 1918, unique local), carrier-grade
/// NAT, link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254 included), multicast and unspecified addresses
/// are refused, checked on the resolved addresses when the subscription is made and again at every connection (so a
/// name that later resolves inward is refused too). <see cref="WebhookOptions.AllowLocalTargetsForTests"/> allows http
/// and loopback for a receiver in a test.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Null when the URL may be used, else why not (in words for the admin).</summary>
    public static async Task<string?> ProblemAsync(string? url, bool allowLocal, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return "Give an absolute https URL.";
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowLocal && uri.Scheme == Uri.UriSchemeHttp)) return "The URL must use https.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "The URL must not carry a user name or password.";
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host {uri.Host} cannot be resolved.";
        }
        if (addresses.Length == 0) return $"The host {uri.Host} cannot be resolved.";
        return addresses.FirstOrDefault(a => !IsAllowed(a, allowLocal)) is { } refused
            ? $"The host {uri.Host} resolves to {refused}, which is not a public address."
            : null;
    }

    public static bool IsAllowed(IPAddress address, bool allowLocal)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return allowLocal;
        return IsPublic(address);
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
                || b[0] >= 224); // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7 (fd00:ec2::254 among them)
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false; // documentation
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return false; // NAT64 can reach inward
            return true;
        }
        return false;
    }
}
