using System.Security.Cryptography;

namespace LeadPlatform.TestSupport;

/// <summary>
/// Secrets every host started by the tests gets (before the test's own arguments, which override them): the hosts run
/// in the Production environment, as deployed, and so refuse to start without strong secrets. Random per test process,
/// the same for every host of it, so a restarted host or a test opening a host's files reads what was sealed.
/// </summary>
public static class TestSecrets
{
    public const string KeyId = "tests";
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public static readonly string LookupKeySecret = Random();
    public static readonly string PersonKeySecret = Random();
    public static readonly string UnsubscribeKey = Random();

    public static IReadOnlyList<string> Arguments { get; } =
    [
        $"--Privacy:EncryptionKeys:{KeyId}={EncryptionKey}",
        $"--Privacy:CurrentKeyId={KeyId}",
        $"--Privacy:LookupKeySecret={LookupKeySecret}",
        $"--Intake:PersonKeySecret={PersonKeySecret}",
        $"--FollowUp:UnsubscribeKey={UnsubscribeKey}",
    ];

    /// <summary>The Privacy section as the hosts get it: for a test that opens a host's files itself.</summary>
    public static Dictionary<string, string?> PrivacyConfiguration => new()
    {
        [$"Privacy:EncryptionKeys:{KeyId}"] = EncryptionKey,
        ["Privacy:CurrentKeyId"] = KeyId,
        ["Privacy:LookupKeySecret"] = LookupKeySecret,
    };

    public static string Random() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
