using BenchmarkDotNet.Attributes;
using LeadPlatform.Compliance;

namespace LeadPlatform.Benchmarks.Compliance;

/// <summary>
/// The claims screen on a realistic 1,000-character coordinator email (honest, with negated claim words, plus one
/// disguised claim), against a naive baseline: case-insensitive string.Contains of each forbidden word on the raw text
/// (which a disguise defeats). Messages per second = 1 / mean.
/// </summary>
[MemoryDiagnoser]
public class ClaimsScreenBenchmarks
{
    private static readonly string[] Naive =
    [
        "cure", "heal", "regenerate", "repair", "reverse", "fda approved", "fda cleared", "fda registered", "clinically proven", "proven",
        "guaranteed", "safe and effective", "risk-free", "no side effects", "better than surgery", "alternative to surgery", "%",
        "revolutionary", "breakthrough", "miracle",
    ];

    private ClaimRuleSet rules = null!;
    private LeadPlatform.Compliance.ClaimsScreen screen = null!;
    private string message = null!;

    [GlobalSetup]
    public void Setup()
    {
        rules = ClaimRuleSet.LoadDefault();
        screen = LeadPlatform.Compliance.ClaimsScreen.LoadDefault();
        var text =
            "Hi Jordan,\n\nThank you for your quote request about stem-cell treatment for spondylolysis. "
            + "The quote for the consultation, the procedure and one follow-up visit is USD 6,800, valid for 60 days. "
            + "To be clear, this treatment is not FDA approved for spondylolysis or any orthopaedic condition, "
            + "and there is no guarantee of results. Its benefit has not been proven in randomised controlled trials; "
            + "the evidence comes from small, preliminary studies. We cannot promise it will cure anything. "
            + "Reported risks include infection and tumour formation. Rest, physical therapy and bracing are the "
            + "established first-line treatment, so please talk to your own physician before deciding. "
            + "Some clinics call this a m\u0456r-acle; we do not. "
            + "Dr. Lee would review your MRI at the consultation and explain what is known and what is not. "
            + "If you would like to talk it through, reply with a good time to call, Monday to Friday.\n\n"
            + "Kind regards,\nMaria, patient coordinator";
        while (text.Length < 1000)
        {
            text += " We are happy to answer any questions about the quote.";
        }

        message = text[..1000];
        if (rules.Screen(message).Count != 1)
        {
            throw new InvalidOperationException("The benchmark message should carry exactly one (disguised) claim.");
        }
    }

    [Benchmark(Baseline = true)]
    public int NaiveContainsScan()
    {
        var found = 0;
        foreach (var word in Naive)
        {
            if (message.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark]
    public int ClaimsScreen() => rules.Screen(message).Count;

    /// <summary>The gate's screen: language detection, then the rule sets the text calls for (no embeddings).</summary>
    [Benchmark]
    public int ClaimsScreenThreeLanguages() => screen.Screen(message, "body", "en").Count;
}
