using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LeadPlatform.ServiceDefaults.Privacy;

/// <summary>
/// The operator's key check: the SHA-256 digests of the given and the expected key compared in constant time, so
/// neither the time taken nor the length of a guess tells anything about the key.
/// </summary>
public static class OperatorKey
{
    public const string Header = "X-Operator-Key";

    public static bool Matches(string? given, string? expected)
    {
        if (string.IsNullOrEmpty(expected)) return false;
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? string.Empty));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b) && !string.IsNullOrEmpty(given);
    }

    /// <summary>Null when the request carries the operator key; else the 403 (no key configured) or 401 to answer.</summary>
    public static IResult? Refusal(HttpRequest request, string? expected, string what)
    {
        if (string.IsNullOrEmpty(expected))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"{what} is disabled", detail: "Set Privacy:OperatorApiKey to enable it.");
        return Matches(request.Headers[Header].ToString(), expected)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Operator key missing or wrong", detail: $"Send the operator key in the {Header} header.");
    }
}
