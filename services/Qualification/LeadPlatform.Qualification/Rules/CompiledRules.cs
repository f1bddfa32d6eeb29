using System.Collections.Frozen;
using LeadPlatform.Contracts;

namespace LeadPlatform.Qualification.Rules;

/// <summary>
/// A validated rule set turned into the structures the engine reads on every decision: frozen sets queried with
/// spans, bit masks for treatments, bands sorted best first, and every reason, flag and disqualification built once.
/// </summary>
internal sealed class CompiledRules
{
    public CompiledRules(RuleSetDocument doc)
    {
        Version = doc.Version;
        var d = doc.Disqualifications;
        MinimumAge = d.MinimumAge.MinimumAge;
        UnderAge = Reason(d.MinimumAge);
        NoUsableChannel = Reason(d.ContactChannel);
        CountryNotServed = Reason(d.ServiceCountry);
        TestEmailDomain = Reason(d.TestEmailDomain);
        ThrowawayEmailDomain = Reason(d.ThrowawayEmailDomain);
        PlaceholderEmail = Reason(d.PlaceholderEmail);
        PlaceholderName = Reason(d.PlaceholderName);
        ServiceCountries = new DomainSet(d.ServiceCountry.Countries);
        TestDomains = new DomainSet(d.TestEmailDomain.Domains);
        TestDomainPrefixes = [.. d.TestEmailDomain.DomainPrefixes.Select(p => p.Trim())];
        ThrowawayDomains = new DomainSet(d.ThrowawayEmailDomain.Domains);
        PlaceholderLocalParts = new DomainSet(d.PlaceholderEmail.LocalParts);
        PlaceholderNames = new DomainSet(d.PlaceholderName.Names);
        PlaceholderNamePrefixes = [.. d.PlaceholderName.NamePrefixes.Select(p => p.Trim())];
        PlaceholderFullNames = [.. d.PlaceholderName.FullNames.Select(SplitFullName)];
        RepeatedCharacterRun = d.PlaceholderName.RepeatedCharacterRun ?? 0;

        var tierNames = doc.Tiers.Select(t => t.Tier).ToArray();
        TierNames = tierNames;
        TierMinimums = [.. doc.Tiers.Take(doc.Tiers.Count - 1).Select(t => t.MinimumScore!.Value)];

        Treatments = doc.Treatments.Select((t, i) => (t, i)).ToFrozenDictionary(x => x.t, x => x.i, StringComparer.OrdinalIgnoreCase);
        var f = doc.Flags;
        NoConservativeCare = new FlagEffect(f.NoConservativeCare, tierNames);
        ConservativeTreatmentMask = MaskOf(f.NoConservativeCare.ConservativeTreatments);
        ShortSymptomDuration = new FlagEffect(f.ShortSymptomDuration, tierNames);
        ShortSymptomMonths = f.ShortSymptomDuration.MinimumMonths;
        ConditionOther = new FlagEffect(f.ConditionOther, tierNames);

        var conditionPoints = doc.Score.Condition.ToDictionary(c => c.Condition, c => Reason(c), StringComparer.OrdinalIgnoreCase);
        var otherConditions = new HashSet<string>(f.ConditionOther.Conditions, StringComparer.OrdinalIgnoreCase);
        Conditions = doc.Conditions.ToFrozenDictionary(
            c => c,
            c => new ConditionRule(conditionPoints.GetValueOrDefault(c), otherConditions.Contains(c)),
            StringComparer.OrdinalIgnoreCase);
        UnknownConditionIsOther = f.ConditionOther.IncludeUnknownConditions;

        var s = doc.Score;
        SymptomDurationBands = [.. s.SymptomDuration.OrderByDescending(b => b.MinimumMonths).Select(b => (b.MinimumMonths, Reason(b)))];
        TreatmentPoints = [.. s.TreatmentsTried.Select(t => (Treatments[t.Treatment], Reason(t)))];
        ValidEmail = ReasonOrNull(s.Contact.ValidEmail);
        ValidPhone = ReasonOrNull(s.Contact.ValidPhone);
        PostalCode = ReasonOrNull(s.Contact.PostalCode);
        AgeOrDateOfBirth = ReasonOrNull(s.Contact.AgeOrDateOfBirth);
        PreferredChannelUsable = s.Contact.PreferredChannelUsable is { } preferred
            ? [Channel(preferred, "email"), Channel(preferred, "SMS"), Channel(preferred, "phone")]
            : [null, null, null];
        ConsentBreadthBands = [.. s.ConsentBreadth.OrderByDescending(b => b.MinimumChannels).Select(b => (b.MinimumChannels, Reason(b)))];
        MessageDetailMinimumLength = s.Message.Detail?.MinimumLength ?? 0;
        MessageDetail = ReasonOrNull(s.Message.Detail);
        MessageMentions = [.. s.Message.Mentions.Select(m => (new KeywordMatcher(m.Keywords), Reason(m)))];

        MaxReasons = 1 + 1 + TreatmentPoints.Length + 5 + 1 + 1 + MessageMentions.Length;
    }

    public string Version { get; }

    public int MinimumAge { get; }
    public DisqualificationReason UnderAge { get; }
    public DisqualificationReason NoUsableChannel { get; }
    public DisqualificationReason CountryNotServed { get; }
    public DisqualificationReason TestEmailDomain { get; }
    public DisqualificationReason ThrowawayEmailDomain { get; }
    public DisqualificationReason PlaceholderEmail { get; }
    public DisqualificationReason PlaceholderName { get; }
    public DomainSet ServiceCountries { get; }
    public DomainSet TestDomains { get; }
    public string[] TestDomainPrefixes { get; }
    public DomainSet ThrowawayDomains { get; }
    public DomainSet PlaceholderLocalParts { get; }
    public DomainSet PlaceholderNames { get; }
    public string[] PlaceholderNamePrefixes { get; }
    public (string First, string Last)[] PlaceholderFullNames { get; }
    /// <summary>0 when the check is off.</summary>
    public int RepeatedCharacterRun { get; }

    public FrozenDictionary<string, int> Treatments { get; }
    public FlagEffect NoConservativeCare { get; }
    public ulong ConservativeTreatmentMask { get; }
    public FlagEffect ShortSymptomDuration { get; }
    public int ShortSymptomMonths { get; }
    public FlagEffect ConditionOther { get; }
    public FrozenDictionary<string, ConditionRule> Conditions { get; }
    public bool UnknownConditionIsOther { get; }

    /// <summary>Highest minimum first.</summary>
    public (int MinimumMonths, ScoreReason Reason)[] SymptomDurationBands { get; }
    /// <summary>In rule-set order: treatment bit index and its reason.</summary>
    public (int Bit, ScoreReason Reason)[] TreatmentPoints { get; }
    public ScoreReason? ValidEmail { get; }
    public ScoreReason? ValidPhone { get; }
    public ScoreReason? PostalCode { get; }
    public ScoreReason? AgeOrDateOfBirth { get; }
    /// <summary>Indexed email, SMS, phone.</summary>
    public ScoreReason?[] PreferredChannelUsable { get; }
    /// <summary>Highest minimum first.</summary>
    public (int MinimumChannels, ScoreReason Reason)[] ConsentBreadthBands { get; }
    public int MessageDetailMinimumLength { get; }
    public ScoreReason? MessageDetail { get; }
    public (KeywordMatcher Matcher, ScoreReason Reason)[] MessageMentions { get; }

    /// <summary>Best first.</summary>
    public string[] TierNames { get; }
    /// <summary>Minimum score of every tier but the last, best first.</summary>
    public int[] TierMinimums { get; }

    /// <summary>The most reasons one decision can produce: the capacity of its list.</summary>
    public int MaxReasons { get; }

    public ulong MaskOf(IEnumerable<string> treatments)
    {
        var mask = 0UL;
        foreach (var t in treatments) mask |= 1UL << Treatments[t];
        return mask;
    }

    private static DisqualificationReason Reason(RuleTextDocument rule) => new() { Rule = rule.Rule.Trim(), Text = rule.Text.Trim() };

    private static ScoreReason Reason(PointsDocument points) =>
        new() { Rule = points.Rule.Trim(), Points = points.Points, Text = points.Text.Trim() };

    private static ScoreReason? ReasonOrNull(PointsDocument? points) => points is null ? null : Reason(points);

    private static ScoreReason Channel(PointsDocument points, string channel) =>
        Reason(points) with { Text = points.Text.Trim().Replace("{channel}", channel, StringComparison.Ordinal) };

    private static (string, string) SplitFullName(string fullName)
    {
        var trimmed = fullName.Trim();
        var space = trimmed.IndexOf(' ');
        return (trimmed[..space], trimmed[(space + 1)..].Trim());
    }
}
