using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>
/// The signature a receiver checks: <c>X-LeadPlatform-Signature: v1=</c> hex HMAC-SHA256, keyed with the subscription's
/// secret, over <c>{X-LeadPlatform-Timestamp}.{body}</c> (Unix seconds, a dot, the raw body). A receiver should refuse a
/// timestamp more than five minutes old.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-LeadPlatform-Signature";
    public const string TimestampHeader = "X-LeadPlatform-Timestamp";
    public const string EventHeader = "X-LeadPlatform-Event";
    public const string DeliveryHeader = "X-LeadPlatform-Delivery";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    public static bool Verify(string secret, string? timestamp, string body, string? signature) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, t, body)), Encoding.ASCII.GetBytes(signature));

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
