namespace LeadPlatform.Qualification.Rules;

// The rule set as it is written in JSON (camelCase, unknown members rejected). Validated by RuleSetValidator,
// then compiled by CompiledRules; nothing outside this folder sees these shapes.

internal sealed class RuleSetDocument
{
    public required string Version { get; init; }
    public string? Description { get; init; }
    /// <summary>Every condition code the form may send; any other code counts as unknown.</summary>
    public required List<string> Conditions { get; init; }
    /// <summary>Every treatment code the form may send.</summary>
    public required List<string> Treatments { get; init; }
    public required DisqualificationsDocument Disqualifications { get; init; }
    public required FlagsDocument Flags { get; init; }
    public required ScoreDocument Score { get; init; }
    /// <summary>Best first; every tier but the last has a minimum score; the last catches the rest.</summary>
    public required List<TierDocument> Tiers { get; init; }
}

internal sealed class DisqualificationsDocument
{
    public required MinimumAgeDocument MinimumAge { get; init; }
    public required RuleTextDocument ContactChannel { get; init; }
    public required ServiceCountryDocument ServiceCountry { get; init; }
    public required TestEmailDomainDocument TestEmailDomain { get; init; }
    public required EmailDomainListDocument ThrowawayEmailDomain { get; init; }
    public required PlaceholderEmailDocument PlaceholderEmail { get; init; }
    public required PlaceholderNameDocument PlaceholderName { get; init; }
}

internal class RuleTextDocument
{
    public required string Rule { get; init; }
    public required string Text { get; init; }
}

internal sealed class MinimumAgeDocument : RuleTextDocument
{
    public required int MinimumAge { get; init; }
}

internal sealed class ServiceCountryDocument : RuleTextDocument
{
    public required List<string> Countries { get; init; }
}

internal class EmailDomainListDocument : RuleTextDocument
{
    /// <summary>A domain matches itself and every subdomain.</summary>
    public required List<string> Domains { get; init; }
}

internal sealed class TestEmailDomainDocument : EmailDomainListDocument
{
    /// <summary>A domain starting with one of these (for example test.) is a test domain.</summary>
    public List<string> DomainPrefixes { get; init; } = [];
}

internal sealed class PlaceholderEmailDocument : RuleTextDocument
{
    /// <summary>Compared with the local part without +tag and trailing digits (test42+x@ is test).</summary>
    public required List<string> LocalParts { get; init; }
}

internal sealed class PlaceholderNameDocument : RuleTextDocument
{
    /// <summary>A first or last name equal to one of these (trailing digits ignored).</summary>
    public required List<string> Names { get; init; }
    /// <summary>A first or last name starting with one of these (keyboard mashing).</summary>
    public List<string> NamePrefixes { get; init; } = [];
    /// <summary>"first last" pairs, for example "john doe".</summary>
    public List<string> FullNames { get; init; } = [];
    /// <summary>A name with this many identical characters in a row (aaa); null turns the check off.</summary>
    public int? RepeatedCharacterRun { get; init; }
}

internal sealed class FlagsDocument
{
    public required NoConservativeCareDocument NoConservativeCare { get; init; }
    public required ShortSymptomDurationDocument ShortSymptomDuration { get; init; }
    public required ConditionOtherDocument ConditionOther { get; init; }
}

internal class FlagDocument
{
    public required string Flag { get; init; }
    /// <summary>The flagged lead's tier is at most this one.</summary>
    public string? CapTier { get; init; }
    /// <summary>The flagged lead's tier drops by this many tiers (after the score, before any cap).</summary>
    public int LowerTiersBy { get; init; }
}

internal sealed class NoConservativeCareDocument : FlagDocument
{
    public required List<string> ConservativeTreatments { get; init; }
}

internal sealed class ShortSymptomDurationDocument : FlagDocument
{
    public required int MinimumMonths { get; init; }
}

internal sealed class ConditionOtherDocument : FlagDocument
{
    public required List<string> Conditions { get; init; }
    public bool IncludeUnknownConditions { get; init; }
}

internal sealed class ScoreDocument
{
    public required List<ConditionPointsDocument> Condition { get; init; }
    public required List<SymptomDurationPointsDocument> SymptomDuration { get; init; }
    public required List<TreatmentPointsDocument> TreatmentsTried { get; init; }
    public required ContactPointsDocument Contact { get; init; }
    public required List<ConsentBreadthPointsDocument> ConsentBreadth { get; init; }
    public required MessagePointsDocument Message { get; init; }
}

internal class PointsDocument
{
    public required string Rule { get; init; }
    public required int Points { get; init; }
    public required string Text { get; init; }
}

internal sealed class ConditionPointsDocument : PointsDocument
{
    public required string Condition { get; init; }
}

internal sealed class SymptomDurationPointsDocument : PointsDocument
{
    public required int MinimumMonths { get; init; }
}

internal sealed class TreatmentPointsDocument : PointsDocument
{
    public required string Treatment { get; init; }
}

internal sealed class ConsentBreadthPointsDocument : PointsDocument
{
    public required int MinimumChannels { get; init; }
}

internal sealed class ContactPointsDocument
{
    public PointsDocument? ValidEmail { get; init; }
    public PointsDocument? ValidPhone { get; init; }
    public PointsDocument? PostalCode { get; init; }
    public PointsDocument? AgeOrDateOfBirth { get; init; }
    /// <summary>Text may contain {channel}: email, SMS or phone.</summary>
    public PointsDocument? PreferredChannelUsable { get; init; }
}

internal sealed class MessagePointsDocument
{
    public MessageDetailPointsDocument? Detail { get; init; }
    public List<MessageMentionPointsDocument> Mentions { get; init; } = [];
}

internal sealed class MessageDetailPointsDocument : PointsDocument
{
    public required int MinimumLength { get; init; }
}

internal sealed class MessageMentionPointsDocument : PointsDocument
{
    /// <summary>Matched case-insensitively at the start of a word (pain matches painful, not Spain).</summary>
    public required List<string> Keywords { get; init; }
}

internal sealed class TierDocument
{
    public required string Tier { get; init; }
    public int? MinimumScore { get; init; }
}
