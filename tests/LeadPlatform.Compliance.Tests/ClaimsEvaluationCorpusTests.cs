using System.Text.Json;

namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// Issue 19's evaluation corpus (Corpus/claims/claims-corpus.json, built from hand-written sentences, see the README
/// there): the development part must meet the targets; the held-out part is measured by the benchmark
/// (tests/LeadPlatform.Benchmarks, claims-eval) and no rule is tuned on it.
/// </summary>
public sealed class The_claims_evaluation_corpus
{
    private static readonly string[] ClaimCategories = ["efficacy", "testimonial", "numeric", "surgery", "safety", "fda", "urgency", "marketing"];
    private static readonly string[] HonestCategories = ["honest-cure", "honest-price", "honest-fda", "honest-risk", "honest-conservative", "honest-logistics", "honest-warning"];
    private static readonly List<Item> Corpus = Load();

    [Fact]
    public void Holds_at_least_600_labelled_texts_in_three_languages_a_third_of_them_held_out()
    {
        Assert.True(Corpus.Count >= 600, $"{Corpus.Count} texts");
        Assert.Equal(Corpus.Count, Corpus.Select(i => i.Id).Distinct().Count());
        Assert.True(Corpus.Count(i => i.Part.StartsWith("heldout", StringComparison.Ordinal)) * 3 >= Corpus.Count);
        foreach (var language in new[] { "en", "es", "pt" })
        {
            foreach (var part in new[] { "dev", "heldout", "heldout2", "heldout3", "heldout4" })
            {
                var items = Corpus.Where(i => i.Language == language && i.Part == part).ToList();
                Assert.True(items.Count(i => i.Label == "honest") >= items.Count(i => i.Label == "claim"), $"{language}/{part}: fewer honest texts than claims");
                Assert.All(ClaimCategories.Concat(HonestCategories), c => Assert.Contains(items, i => i.Category == c));
            }

            // The third and fourth held-out parts name double negations and hand-made disguises as categories of their own.
            foreach (var part in new[] { "heldout3", "heldout4" })
            {
                var items = Corpus.Where(i => i.Language == language && i.Part == part).ToList();
                Assert.True(items.Count >= 100, $"{language}/{part}: {items.Count} texts");
                Assert.True(items.Count(i => i.Label == "claim") >= 50 && items.Count(i => i.Label == "honest") >= 50, $"{language}/{part}: at least 50 claims and 50 honest texts");
                Assert.Contains(items, i => i.Category == "double-negation");
                Assert.Contains(items, i => i.Category == "obfuscation" && i.Disguise == "hand");
            }

            Assert.Contains(Corpus, i => i.Language == language && i.Disguise is not null);
            Assert.True(language == "en" || Corpus.Any(i => i.Language == language && i.DraftLanguage == "en"), "some texts are sent with language 'en'");
        }
    }

    [Fact]
    public void Holds_the_parts_by_independent_authors_with_every_category_in_every_language()
    {
        // heldout5 (spent after round 5), train6 (round 6), heldout6 (spent after round 6), train7 (round 7), heldout7 (spent
        // after round 7), train8a and train8b (round 8) are training data now, and the leave-one-part-out folds that best
        // predict an independent evaluation (claims-train reports them).
        foreach (var part in new[] { "heldout5", "train6", "heldout6", "train7", "heldout7", "train8a", "train8b" })
        {
            foreach (var language in new[] { "en", "es", "pt" })
            {
                var items = Corpus.Where(i => i.Part == part && i.Language == language).ToList();
                Assert.True(items.Count(i => i.Label == "claim") >= 110 && items.Count(i => i.Label == "honest") >= 110, $"{part}/{language}: {items.Count} texts");
                Assert.All(ClaimCategories.Append("double-negation").Append("obfuscation"), c => Assert.Contains(items, i => i.Category == c));
                Assert.All(HonestCategories, c => Assert.Contains(items, i => i.Category == c));
            }
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("pt")]
    public void The_development_part_meets_the_targets(string language)
    {
        var gate = GateKit.Gate();
        var items = Corpus.Where(i => i.Part == "dev" && i.Language == language).ToList();
        var claims = items.Where(i => i.Label == "claim").ToList();
        var honest = items.Where(i => i.Label == "honest").ToList();

        var missed = claims.Where(i => Findings(gate, i).Count == 0).ToList();
        var alarms = honest.Where(i => Findings(gate, i).Count > 0).ToList();

        Assert.True(missed.Count * 100 <= claims.Count * 3, $"{missed.Count}/{claims.Count} claims cleared:\n" + string.Join("\n", missed.Select(i => i.Id + " " + i.Text)));
        Assert.True(alarms.Count * 100 <= honest.Count * 3, $"{alarms.Count}/{honest.Count} honest texts not cleared:\n" + string.Join("\n", alarms.Select(i => i.Id + " " + i.Text + " -> " + string.Join(", ", Findings(gate, i).Select(v => v.Rule + " " + v.Match)))));
    }

    [Fact]
    public void Honest_development_texts_clear_the_whole_gate_with_the_disclaimer_of_their_language()
    {
        var gate = GateKit.Gate();
        foreach (var item in Corpus.Where(i => i.Part == "dev" && i.Label == "honest" && i.DraftLanguage == i.Language))
        {
            var channel = Enum.Parse<OutreachChannel>(item.Channel, ignoreCase: true);
            var decision = gate.Check(GateKit.Draft(channel, item.Text) with { Language = item.Language }, GateKit.Facts());
            Assert.True(decision.Cleared, $"{item.Id}: {string.Join("; ", decision.Violations.Select(v => v.Rule + " " + v.Match))}");
            var id = Assert.Single(decision.Disclaimers).Id;
            if (item.Language == "en")
            {
                Assert.DoesNotMatch(@"\.(es|pt)$", id);
            }
            else
            {
                Assert.EndsWith("." + item.Language, id);
            }
        }
    }

    private static List<ComplianceViolation> Findings(ComplianceGate gate, Item item)
        => [.. gate.Preview("spondylolysis", OutreachChannel.Email, "Your enquiry", item.Text, item.DraftLanguage).Violations.Where(v => v.Field is not null)];

    private static List<Item> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "claims", "claims-corpus.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("items").Deserialize<List<Item>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record Item(string Id, string Part, string Language, string DraftLanguage, string Channel, string Label, string Category, string? Disguise, string Text);
}
