using System.Text.Json;

namespace LeadPlatform.Compliance.Tests;

/// <summary>
/// A corpus of realistic coordinator messages (Corpus/outreach-corpus.json): about half carry claims in disguise,
/// half are honest, many of those mentioning forbidden words in negation. Zero misses and zero false alarms. Since
/// issue 19 a claim may also trip further rules (the screen reads outcomes, not only words: "cured their back pain for
/// good" is a cure claim and a promise of ending pain); the expected rules must all be among them.
/// </summary>
public sealed class The_outreach_corpus
{
    private static readonly CorpusFile Corpus = Load();

    public static TheoryData<string> Items()
    {
        var data = new TheoryData<string>();
        foreach (var item in Corpus.Items)
        {
            data.Add(item.Id);
        }

        return data;
    }

    [Fact]
    public void Holds_at_least_a_hundred_texts_about_half_of_them_with_claims()
    {
        Assert.True(Corpus.Items.Count >= 100, $"only {Corpus.Items.Count} texts");
        var withClaims = Corpus.Items.Count(i => i.Expect.Count > 0);
        Assert.InRange(withClaims, Corpus.Items.Count * 2 / 5, Corpus.Items.Count * 3 / 5);
        Assert.Equal(Corpus.Items.Count, Corpus.Items.Select(i => i.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Items))]
    public void Text_is_screened_with_no_miss_and_no_false_alarm(string id)
    {
        var item = Corpus.Items.Single(i => i.Id == id);
        var found = ClaimRuleSet.LoadDefault().Screen(item.Text);
        var rules = found.Select(v => v.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
        var expected = item.Expect.Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expected.Count == 0 ? rules.Count == 0 : expected.All(rules.Contains),
            $"{id}: expected [{string.Join(", ", expected)}] but found [{string.Join(", ", found.Select(v => $"{v.Rule} \"{v.Match}\""))}] in:\n{item.Text}");
        foreach (var v in found)
        {
            Assert.Equal(v.Match, item.Text.Substring(v.Start!.Value, v.Length!.Value));
        }
    }

    [Fact]
    public void Honest_texts_also_clear_the_whole_gate_with_disclaimers_attached()
    {
        foreach (var item in Corpus.Items.Where(i => i.Expect.Count == 0))
        {
            var channel = Enum.Parse<OutreachChannel>(item.Channel, ignoreCase: true);
            var decision = GateKit.Gate().Check(GateKit.Draft(channel, item.Text), GateKit.Facts());
            Assert.True(decision.Cleared, $"{item.Id}: {string.Join("; ", decision.Violations.Select(v => v.Rule + " " + v.Advice))}");
            Assert.NotEmpty(decision.Disclaimers);
        }
    }

    private static CorpusFile Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "outreach-corpus.json");
        return JsonSerializer.Deserialize<CorpusFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("empty corpus");
    }

    private sealed record CorpusFile(string Version, List<CorpusItem> Items);

    private sealed record CorpusItem(string Id, string Channel, string Text, List<string> Expect);
}
