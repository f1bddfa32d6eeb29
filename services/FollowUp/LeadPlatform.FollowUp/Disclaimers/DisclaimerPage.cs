using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>
/// The full evidence disclaimer that texts link to, as a patient reads it on a phone: in the lead's language (the link's,
/// or <c>?lang=</c> from the switch, or the browser's), its web addresses as links (the FDA's consumer page), no internal
/// id, the clinic's postal address only when one is configured, and nothing wider than the screen.
/// </summary>
internal static partial class DisclaimerPage
{
    private static readonly (string Code, string Name)[] Known = [("en", "English"), ("es", "Español"), ("pt", "Português")];
    private static readonly Dictionary<string, (string Version, string Languages)> Words = new(StringComparer.Ordinal)
    {
        ["en"] = ("Version", "Language"),
        ["es"] = ("Versión", "Idioma"),
        ["pt"] = ("Versão", "Idioma"),
    };

    /// <summary>The language to show (the first of asked, link, browser that has a disclaimer; else English) and the others there are.</summary>
    public static (string Chosen, IReadOnlyList<string> Available) Languages(ComplianceGate gate, string condition, string? asked, string? fromLink, string? acceptLanguage)
    {
        var available = Known.Select(k => k.Code).Where(code => gate.Disclaimers.Covers(condition, OutreachChannel.Email, code)).ToList();
        var browser = (acceptLanguage ?? string.Empty).Split(',').Select(part => part.Split(';')[0].Trim());
        foreach (var candidate in new[] { asked, fromLink }.Concat(browser))
        {
            var primary = candidate?.Split('-', '_')[0].Trim().ToLowerInvariant();
            if (primary is not null && available.Contains(primary)) return (primary, available);
        }
        return (available.Contains("en") || available.Count == 0 ? "en" : available[0], available);
    }

    public static string? Render(ComplianceGate gate, string condition, (string Chosen, IReadOnlyList<string> Available) languages, string? clinicPostalAddress, string path)
    {
        // The email disclaimer is the full text; rendered with a marker for the postal address so the email-only footer can be cut off.
        const string marker = "\u2063FOOTER\u2063";
        var preview = gate.Preview(condition, OutreachChannel.Email, "-", "-", languages.Chosen, marker, "https://example.invalid/", "https://example.invalid/");
        if (preview.Disclaimers.Count == 0) return null;
        var disclaimer = preview.Disclaimers[0];
        var text = disclaimer.Text;
        var cut = text.IndexOf(marker, StringComparison.Ordinal);
        var lines = (cut < 0 ? text : text[..cut]).Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The first line is the disclaimer's own heading ("About this treatment - please read").
        var title = lines.Length > 1 ? lines[0].TrimEnd(':', '.') : "About this treatment";
        var body = new StringBuilder();
        foreach (var line in lines.Skip(lines.Length > 1 ? 1 : 0)) body.Append("<p>").Append(Linked(line)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(clinicPostalAddress)) body.Append("<address>").Append(E(clinicPostalAddress.Trim())).Append("</address>");
        var words = Words.TryGetValue(languages.Chosen, out var w) ? w : Words["en"];
        body.Append("<p class=\"version\">").Append(E(words.Version)).Append(' ').Append(E(disclaimer.Version)).Append("</p>");

        var nav = new StringBuilder();
        if (languages.Available.Count > 1)
        {
            nav.Append("<nav aria-label=\"").Append(E(words.Languages)).Append("\"><ul>");
            foreach (var (code, name) in Known.Where(k => languages.Available.Contains(k.Code)))
            {
                nav.Append("<li><a href=\"").Append(E(path)).Append("?lang=").Append(code).Append("\" lang=\"").Append(code).Append("\" hreflang=\"").Append(code).Append('"')
                    .Append(code == languages.Chosen ? " aria-current=\"page\"" : string.Empty).Append('>').Append(E(name)).Append("</a></li>");
            }
            nav.Append("</ul></nav>");
        }
        return $$"""
            <!doctype html>
            <html lang="{{languages.Chosen}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}}</title>
            <style>
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b1f24;background:#fff}
            main{max-width:38rem;margin:0 auto;padding:1rem 1rem 3rem;overflow-wrap:anywhere}
            h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
            a{color:#0a5c8a}
            nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem;justify-content:flex-end}
            nav a{display:inline-flex;align-items:center;min-height:44px;padding:0 .6rem}
            nav a[aria-current]{font-weight:700}
            address{font-style:normal;margin-top:1.5rem;color:#4a5260}
            .version{font-size:.875rem;color:#4a5260;margin-top:1.5rem}
            </style>
            </head><body><main>{{nav}}<h1>{{E(title)}}</h1>
            {{body}}
            </main></body></html>
            """;
    }

    /// <summary>The line, escaped, with its https addresses as links.</summary>
    private static string Linked(string line)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match url in Urls().Matches(line))
        {
            html.Append(E(line[at..url.Index]));
            var address = url.Value.TrimEnd('.', ',', ';', ')');
            html.Append("<a href=\"").Append(E(address)).Append("\">").Append(E(address)).Append("</a>");
            at = url.Index + address.Length;
        }
        return html.Append(E(line[at..])).ToString();
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex(@"https://[^\s<>""]+")]
    private static partial Regex Urls();
}
