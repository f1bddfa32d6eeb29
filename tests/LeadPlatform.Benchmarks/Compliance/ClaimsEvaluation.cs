using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadPlatform.Compliance;

namespace LeadPlatform.Benchmarks.Compliance;

/// <summary>
/// <c>dotnet run -c Release --project tests/LeadPlatform.Benchmarks -- claims-eval [part]</c>: the claims screen's
/// decisions on the labelled corpus (tests/LeadPlatform.Compliance.Tests/Corpus/claims/claims-corpus.json, the
/// held-out part by default). Prints, per language and category, how many claims were cleared (missed) and how many
/// honest texts were not cleared (review counts as not cleared), then p50/p99 time per message at about 2,000 and
/// 5,000 characters, built from the corpus's own sentences. The gate decides with the draft's language as sent, with
/// the semantic second opinion (add <c>--rules-only</c> to leave it out). <c>CLAIMS_CORPUS=/path/corpus.json</c> reads
/// another corpus file of the same shape instead (an evaluation set kept outside the repository).
/// </summary>
public static class ClaimsEvaluation
{
    public static void Run(string[] args)
    {
        if (args.Contains("--screen"))
        {
            // One text from a file, screened as language args[1]: each finding with its rule, severity and match.
            var text = File.ReadAllText(args[^1]);
            foreach (var v in ClaimsScreen.LoadDefault(semantic: !args.Contains("--rules-only")).Screen(text, "body", args[1]))
            {
                Console.WriteLine($"{v.Rule} {v.Severity} [{v.Start}+{v.Length}] \"{v.Match}\" {v.Exemplar}");
            }

            return;
        }

        if (args.Contains("--lines"))
        {
            // A file of "language<TAB>text" lines: each screened with the rules alone, its findings or CLEARED.
            // --no-model: the rules alone, without the learned layer.
            var screen = args.Contains("--no-model")
                ? new ClaimsScreen(new[] { "claim-rules.json", "claim-rules.es.json", "claim-rules.pt.json" }.Select(r => ClaimRuleSet.FromJson(EmbeddedData.Read(r))))
                : ClaimsScreen.LoadDefault(semantic: false);
            foreach (var line in File.ReadAllLines(args[^1]).Where(l => l.Contains('\t', StringComparison.Ordinal)))
            {
                var language = line[..line.IndexOf('\t', StringComparison.Ordinal)];
                var sentence = line[(language.Length + 1)..];
                var found = screen.Screen(sentence, "body", language);
                Console.WriteLine((found.Count == 0 ? "CLEARED " : string.Join("; ", found.Select(v => $"{v.Rule}/{v.Severity} \"{v.Match}\"")) + " <= ") + sentence);
            }

            return;
        }

        if (args.Contains("--nearest"))
        {
            foreach (var line in File.ReadAllLines(args[^1]))
            {
                var (exemplar, _, similarity) = SemanticSecondOpinion.LoadDefault().Nearest(line);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{similarity:0.000} {line} <- {exemplar}"));
            }

            return;
        }

        if (args.Contains("--similarities"))
        {
            Similarities(args.Length > 1 ? args[1] : "dev");
            return;
        }

        var part = args.Length > 1 ? args[1] : "heldout";
        var corpus = Load();
        var gate = CreateGate(!args.Contains("--rules-only"));
        var items = corpus.Where(i => part == "all" || i.Part == part).ToList();
        Console.WriteLine($"Claims screen, rule set {gate.RuleSetVersion}, corpus part '{part}', {items.Count} texts");
        Console.WriteLine();
        Console.WriteLine("| language | category | texts | recall | claims cleared (miss) | honest not cleared (false alarm) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        var failures = new List<string>();
        foreach (var language in items.Select(i => i.Language).Distinct())
        {
            var ofLanguage = items.Where(i => i.Language == language).ToList();
            foreach (var category in ofLanguage.Select(i => i.Category).Distinct().Order(StringComparer.Ordinal))
            {
                Row(language, category, ofLanguage.Where(i => i.Category == category).ToList());
            }

            Row(language, "ALL claims", ofLanguage.Where(i => i.Label == "claim").ToList());
            Row(language, "ALL honest", ofLanguage.Where(i => i.Label == "honest").ToList());
        }

        Console.WriteLine();
        foreach (var f in failures.Take(200))
        {
            Console.WriteLine(f);
        }

        Console.WriteLine();
        Latency(gate, corpus, 2000);
        Latency(gate, corpus, 5000);

        void Row(string language, string category, List<CorpusItem> group)
        {
            var claims = group.Where(i => i.Label == "claim").ToList();
            var honest = group.Where(i => i.Label == "honest").ToList();
            var missed = claims.Where(i => Cleared(gate, i)).ToList();
            var alarms = honest.Where(i => !Cleared(gate, i)).ToList();
            if (!category.StartsWith("ALL", StringComparison.Ordinal))
            {
                failures.AddRange(missed.Select(i => $"MISS  {i.Id} [{i.Category}] {Flat(i.Text)}"));
                failures.AddRange(alarms.Select(i => $"ALARM {i.Id} [{i.Category}] {Flat(i.Text)} -> {Findings(gate, i)}"));
            }

            var recall = claims.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * (claims.Count - missed.Count) / claims.Count:0.#}%");
            Console.WriteLine($"| {language} | {category} | {group.Count} | {recall} | {Ratio(missed.Count, claims.Count)} | {Ratio(alarms.Count, honest.Count)} |");
        }
    }

    private static ComplianceGate CreateGate(bool semantic)
        => ComplianceGate.CreateDefault(TimeProvider.System, new ComplianceOptions { SemanticSecondOpinion = semantic });

    private static IReadOnlyList<ComplianceViolation> Screen(ComplianceGate gate, string text, string language)
        => gate.Preview("spondylolysis", OutreachChannel.Email, "Your enquiry", text, language)
            .Violations.Where(v => v.Field is not null).ToList();

    private static bool Cleared(ComplianceGate gate, CorpusItem item) => Screen(gate, item.Text, item.DraftLanguage).Count == 0;

    private static string Findings(ComplianceGate gate, CorpusItem item)
        => string.Join("; ", Screen(gate, item.Text, item.DraftLanguage).Select(v => $"{v.Rule}/{v.Severity} \"{v.Match}\""));

    private static void Latency(ComplianceGate gate, List<CorpusItem> corpus, int length)
    {
        var messages = new List<(string Text, string Language)>();
        var random = new Random(length);
        foreach (var language in new[] { "en", "es", "pt" })
        {
            var pool = corpus.Where(i => i.Language == language).Select(i => i.Text.Replace("\n", " ", StringComparison.Ordinal)).ToArray();
            for (var m = 0; m < 100; m++)
            {
                var text = new StringBuilder();
                while (text.Length < length)
                {
                    text.Append(pool[random.Next(pool.Length)]).Append(' ');
                }

                messages.Add((text.ToString(0, length), language));
            }
        }

        // Warm up: JIT, the per-thread stemmers and, with the semantic second opinion, loading the model.
        gate.Claims.Rules.Count.ToString(CultureInfo.InvariantCulture);
        if (gate.Claims.HasSemanticSecondOpinion)
        {
            SemanticSecondOpinion.LoadDefault().Nearest("The injection heals the fracture.");
        }

        foreach (var (text, language) in messages.Take(20))
        {
            Screen(gate, text, language);
        }

        // Wall time, and this process's CPU time per message: on a machine shared with other work (load average far
        // above the core count) wall time mostly measures waiting for a core; CPU time is the screen's own cost.
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        foreach (var (text, language) in messages)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            Screen(gate, text, language);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{length,5} chars{(gate.Claims.HasSemanticSecondOpinion ? " (rules + semantic)" : " (rules only)")}: p50 {times[times.Count / 2]:0.00} ms, p99 {times[(int)(times.Count * 0.99)]:0.00} ms, max {times[^1]:0.00} ms; CPU p50 {cpu[cpu.Count / 2]:0.0} ms, p99 {cpu[(int)(cpu.Count * 0.99)]:0.0} ms ({times.Count} messages, load average {LoadAverage()})"));
    }

    /// <summary>For calibrating the semantic threshold: each English sentence's nearest exemplar and similarity, by label.</summary>
    private static void Similarities(string part)
    {
        var semantic = SemanticSecondOpinion.LoadDefault();
        foreach (var item in Load().Where(i => i.Part == part && i.Language == "en"))
        {
            foreach (var sentence in item.Text.Split(['.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Length > 12))
            {
                var (exemplar, _, similarity) = semantic.Nearest(sentence);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{similarity:0.000}\t{item.Label}\t{sentence}\t<- {exemplar}"));
            }
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Ratio(int n, int of) => of == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{n}/{of} ({100.0 * n / of:0.#}%)");

    private static string Flat(string text) => text.Replace("\n", " ", StringComparison.Ordinal);

    private static List<CorpusItem> Load()
    {
        // CLAIMS_CORPUS names another corpus file of the same shape: an evaluation set kept outside the repository
        // (so nobody tuning the rules can read it) is measured with the same code as the corpus here.
        if (Environment.GetEnvironmentVariable("CLAIMS_CORPUS") is { Length: > 0 } external)
        {
            using var outside = JsonDocument.Parse(File.ReadAllText(external));
            return outside.RootElement.GetProperty("items").Deserialize<List<CorpusItem>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "LeadPlatform.Compliance.Tests", "Corpus", "claims", "claims-corpus.json")))
        {
            dir = dir.Parent;
        }

        var path = dir is null
            ? throw new FileNotFoundException("claims-corpus.json not found above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "tests", "LeadPlatform.Compliance.Tests", "Corpus", "claims", "claims-corpus.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("items").Deserialize<List<CorpusItem>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record CorpusItem(string Id, string Part, string Language, string DraftLanguage, string Channel, string Label, string Category, string Text);
}
