using System.Globalization;
using System.Text;

namespace LeadPlatform.ServiceDefaults.Security;

/// <summary>
/// What a person's name may not contain: control characters, and the invisible format characters (Unicode category Cf:
/// bidi overrides such as U+202E, zero-width spaces and joiners, U+FEFF) and line or paragraph separators, by which a name
/// can be made to read as something else on a coordinator's screen or in a message.
/// </summary>
public static class NameCharacters
{
    public const string Refusal = "Must not contain invisible or direction-changing characters.";

    public static bool HasHidden(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
                return true;
        }
        return false;
    }
}
