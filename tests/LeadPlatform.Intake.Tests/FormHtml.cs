using System.Net;
using System.Text.RegularExpressions;

namespace LeadPlatform.Intake.Tests;

/// <summary>Reading the form's HTML as a test needs to: an input's tag, an element's text, the words a person sees.</summary>
internal static partial class FormHtml
{
    /// <summary>The opening tag of the input, select or textarea with this id.</summary>
    public static string TagOf(string page, string id)
    {
        var match = Regex.Match(page, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(match.Success, $"No input with id {id} on the page.");
        return match.Value;
    }

    /// <summary>The text of the element with this id (tags removed, entities decoded).</summary>
    public static string TextOf(string page, string id, string tag = "p")
    {
        var match = Regex.Match(page, $"<{tag}\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(.*?)</{tag}>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No <{tag}> with id {id} on the page.");
        return WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, string.Empty));
    }

    /// <summary>What a person reads: the body without tags, scripts, styles and attribute values.</summary>
    public static string Visible(string page)
    {
        var body = page[page.IndexOf("<body", StringComparison.Ordinal)..];
        body = Regex.Replace(body, "<script\\b.*?</script>", " ", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(Tags().Replace(body, " "));
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
