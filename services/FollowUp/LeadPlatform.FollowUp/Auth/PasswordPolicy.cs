using System.Collections.Frozen;
using System.Reflection;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// What a dashboard password must be: at least <see cref="MinimumLength"/> characters, not one of the common passwords
/// shipped with the product (<c>Auth/CommonPasswords/common-passwords.txt</c>, an embedded resource of passwords of 12+
/// characters that attackers try first: common words with the usual suffixes, keyboard walks, repeats), not a handful of
/// characters repeated, and not made of the account's own email.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;
    private const string ResourceName = "LeadPlatform.FollowUp.Auth.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    /// <summary>How many common passwords are shipped (for the README and the tests).</summary>
    public static int CommonPasswordCount => Common.Value.Count;

    /// <summary>Why the password is refused, as a sentence for the person choosing it; null when it is acceptable.</summary>
    public static string? Problem(string password, string? email = null)
    {
        if (password.Length < MinimumLength) return $"The password needs at least {MinimumLength} characters.";
        if (password.Length > MaximumLength) return $"The password can have at most {MaximumLength} characters.";
        var folded = password.ToLowerInvariant();
        if (Common.Value.Contains(folded) || Common.Value.Contains(folded.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return "This password is on the list of common passwords that attackers try first. Choose another one, for example four unrelated words.";
        }
        if (folded.Distinct().Count() < 5) return "This password repeats too few characters. Choose a longer mix, for example four unrelated words.";
        // Built from the email: what is left without the email (or its name part) is too short to protect anything.
        var address = email?.Trim().ToLowerInvariant();
        var local = address?.Split('@')[0];
        if (address is { Length: > 0 } && local is { Length: >= 3 }
            && folded.Replace(address, string.Empty, StringComparison.Ordinal).Replace(local, string.Empty, StringComparison.Ordinal).Length < 8)
        {
            return "The password must not be made of your email address.";
        }
        return null;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The embedded list of common passwords ({ResourceName}) is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line.Trim().ToLowerInvariant());
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
