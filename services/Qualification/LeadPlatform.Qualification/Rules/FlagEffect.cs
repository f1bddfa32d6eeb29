namespace LeadPlatform.Qualification.Rules;

/// <summary>A clinical flag's id and how it moves the tier: lower by some tiers, then cap.</summary>
internal sealed class FlagEffect
{
    public FlagEffect(FlagDocument flag, string[] tierNames)
    {
        Id = flag.Flag.Trim();
        LowerTiersBy = flag.LowerTiersBy;
        CapIndex = flag.CapTier is { } cap ? Array.IndexOf(tierNames, cap) : 0;
    }

    public string Id { get; }
    public int LowerTiersBy { get; }
    /// <summary>The best tier index a flagged lead can reach (0 when the flag does not cap).</summary>
    public int CapIndex { get; }
}
