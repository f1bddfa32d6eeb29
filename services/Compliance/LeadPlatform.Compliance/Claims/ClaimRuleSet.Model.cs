namespace LeadPlatform.Compliance;

/// <summary>What the learned layer (<see cref="ClaimsModel"/>) reads of a rule set: the concept hits of its topic lexicons, by name.</summary>
public sealed partial class ClaimRuleSet
{
    private readonly string[] conceptNames = [];

    /// <summary>The topic lexicons' concept hits on <paramref name="tokens"/> (owners index <see cref="ConceptName"/>).</summary>
    internal void ConceptHits(TokenizedText tokens, List<PhraseHit> into)
    {
        topicIndex?.Scan(tokens, into);
    }

    /// <summary>A concept's name, <c>honest-frame</c> for the honest frames, or null.</summary>
    internal string? ConceptName(int owner) => owner < conceptNames.Length ? conceptNames[owner] : owner == honestOwner && topicIndex is not null ? "honest-frame" : null;
}
