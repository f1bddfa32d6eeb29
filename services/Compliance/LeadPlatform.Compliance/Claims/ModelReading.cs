namespace LeadPlatform.Compliance;

/// <summary>How the claims model read one sentence: its span, the probability that it is a claim, the likeliest category and the words that weighed most.</summary>
/// <param name="Evidence">How much the sentence's words (not the prior) favour <paramref name="Category"/> over honest, in log-odds.</param>
public sealed record ModelReading(int Start, int End, double Probability, string Category, IReadOnlyList<string> Words, double Evidence = 0);
