namespace LeadPlatform.Compliance;

/// <summary>How the claims model read one sentence: its span, the probability that it is a claim, the likeliest category and the words that weighed most.</summary>
public sealed record ModelReading(int Start, int End, double Probability, string Category, IReadOnlyList<string> Words);
