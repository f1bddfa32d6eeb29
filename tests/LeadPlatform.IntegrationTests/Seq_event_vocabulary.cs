using System.Text.RegularExpressions;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// The Seq event vocabulary (deploy/seq/README.md), the code and the Seq templates (deploy/seq/templates) agree: a
/// renamed message template fails here instead of silently emptying a signal or a dashboard chart.
/// </summary>
public sealed partial class Seq_event_vocabulary(ITestOutputHelper output)
{
    private static readonly string Root = ServiceProcess.RepositoryRoot();

    [Fact]
    public void Every_documented_template_is_a_literal_in_the_services_and_no_planned_one_is_written_yet()
    {
        var code = ServiceSources();
        var documented = Documented();
        Assert.NotEmpty(documented);
        foreach (var t in documented) output.WriteLine($"{(t.Planned ? "planned " : t.Library ? "library " : "written ")} {t.Template}");

        Assert.Empty(documented.Where(t => !t.Planned && !t.Library && !code.Contains($"\"{t.Template}\"", StringComparison.Ordinal)).Select(t => t.Template));
        Assert.Empty(documented.Where(t => t.Planned && code.Contains($"\"{t.Template}\"", StringComparison.Ordinal)).Select(t => t.Template));
    }

    [Fact]
    public void The_Seq_signals_and_dashboard_match_only_documented_templates()
    {
        var documented = Documented().ToDictionary(t => t.Template);
        var used = new List<(string File, string Template)>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "deploy", "seq", "templates"), "*.template"))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in TemplateFilter().Matches(text))
            {
                var values = m.Groups["one"].Success ? [m.Groups["one"].Value] : Quoted().Matches(m.Groups["list"].Value).Select(q => q.Groups[1].Value);
                used.AddRange(values.Select(v => (Path.GetFileName(file), v)));
            }
        }
        Assert.NotEmpty(used);
        foreach (var (file, template) in used)
            output.WriteLine($"{file}: {(documented.TryGetValue(template, out var t) ? t.Planned ? "PLANNED (not logged yet)" : "ok" : "UNDOCUMENTED")} {template}");
        Assert.Empty(used.Where(u => !documented.ContainsKey(u.Template)).Select(u => $"{u.File}: {u.Template}"));
    }

    /// <summary>Every message template of the README's event tables (column "template" beside "service" or "source"), planned or a library's.</summary>
    private static List<(string Template, bool Planned, bool Library)> Documented()
    {
        var found = new List<(string, bool, bool)>();
        int? column = null;
        int? source = null;
        foreach (var line in File.ReadLines(Path.Combine(Root, "deploy", "seq", "README.md")))
        {
            if (!line.StartsWith('|'))
            {
                column = null;
                continue;
            }
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
            if (cells.Contains("template") && (cells.Contains("service") || cells.Contains("source"))) // not the table of seqcli files
            {
                (column, source) = (cells.IndexOf("template"), cells.IndexOf("source") is var s and >= 0 ? s : null);
                continue;
            }
            if (cells.Contains("template")) column = null;
            if (column is not { } c || cells.All(x => x.Trim('-', ':').Length == 0) || c >= cells.Count) continue;
            var planned = line.Contains("**planned**", StringComparison.Ordinal);
            var library = source is { } sc && sc < cells.Count && cells[sc].Contains("MassTransit", StringComparison.Ordinal);
            found.AddRange(Code().Matches(cells[c]).Select(m => (m.Groups[1].Value, planned, library)));
        }
        return found;
    }

    private static string ServiceSources() => string.Concat(Directory.EnumerateFiles(Path.Combine(Root, "services"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(File.ReadAllText));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"@MessageTemplate\s*(?:=\s*'(?<one>[^']*)'|in\s*\[(?<list>[^\]]*)\])")]
    private static partial Regex TemplateFilter();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
