using LeadPlatform.Contracts;

namespace LeadPlatform.Qualification.Rules;

/// <summary>
/// Decides eligibility, score, tier and clinical flags of a quote request from a versioned <see cref="RuleSet"/>.
/// Pure and thread-safe: no clock, no randomness, no I/O, culture-invariant; the same request, date and rule set
/// always give the same outcome.
/// </summary>
public sealed class QualificationEngine
{
    private static readonly IReadOnlyList<string> NoFlags = [];
    private static readonly IReadOnlyList<DisqualificationReason> NoDisqualifications = [];

    private readonly CompiledRules rules;

    /// <summary>An engine on the embedded default rule set (<see cref="RuleSet.DefaultVersion"/>).</summary>
    public QualificationEngine() : this(RuleSet.LoadDefault())
    {
    }

    public QualificationEngine(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        RuleSet = ruleSet;
        rules = ruleSet.Compiled;
    }

    /// <summary>An engine on the embedded default rule set.</summary>
    public static QualificationEngine CreateDefault() => new(RuleSet.LoadDefault());

    /// <summary>An engine on a rule set given as JSON (for example an operator-configured file).</summary>
    /// <exception cref="InvalidRuleSetException">The rule set is invalid.</exception>
    public static QualificationEngine FromJson(string json) => new(RuleSet.FromJson(json));

    public RuleSet RuleSet { get; }

    public string RuleSetVersion => RuleSet.Version;

    /// <param name="request">The quote request as intake stored it.</param>
    /// <param name="today">The date ages are computed on (the caller's clock, in the clinic's time zone).</param>
    public QualificationOutcome Evaluate(QuoteRequestSubmitted request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var r = rules;
        var contact = Reachability.Of(request);
        var clinical = ClinicalPicture.Of(request.Inquiry, r);
        var disqualifications = Disqualifications(request.Person, contact, today, r);
        var reasons = new List<ScoreReason>(r.MaxReasons);
        var score = Score(request, contact, clinical, r, reasons);
        var eligible = disqualifications is null;
        var (tier, scoreTier) = eligible ? Tiers(score, clinical, r) : (string.Empty, string.Empty);
        return new QualificationOutcome
        {
            Eligible = eligible,
            Tier = tier,
            ScoreTier = scoreTier,
            Score = score,
            Reasons = reasons,
            Flags = clinical.Flags(r),
            Disqualifications = disqualifications ?? NoDisqualifications,
            RuleSetVersion = r.Version,
        };
    }

    /// <summary>Eligibility: every reason the request cannot be followed up, or null when there is none.</summary>
    private static List<DisqualificationReason>? Disqualifications(PersonDetails person, Reachability contact, DateOnly today, CompiledRules r)
    {
        List<DisqualificationReason>? disqualifications = null;
        if (IsUnderAge(person, today, r.MinimumAge)) Add(ref disqualifications, r.UnderAge);
        if (contact.UsableChannels == 0) Add(ref disqualifications, r.NoUsableChannel);
        if (!r.ServiceCountries.Contains(person.Country.AsSpan().Trim())) Add(ref disqualifications, r.CountryNotServed);
        var email = person.Email.AsSpan().Trim();
        if (!email.IsEmpty)
        {
            var domain = ContactChecks.DomainOf(email);
            if (IsTestDomain(domain, r)) Add(ref disqualifications, r.TestEmailDomain);
            if (ContactChecks.DomainOrParentIn(domain, r.ThrowawayDomains)) Add(ref disqualifications, r.ThrowawayEmailDomain);
            if (r.PlaceholderLocalParts.Contains(ContactChecks.LocalPartStem(email))) Add(ref disqualifications, r.PlaceholderEmail);
        }

        if (IsPlaceholderName(person.FirstName, person.LastName, r)) Add(ref disqualifications, r.PlaceholderName);
        return disqualifications;
    }

    /// <summary>Score: every point comes with its reason, added to <paramref name="reasons"/> in the rule set's order.</summary>
    private static int Score(QuoteRequestSubmitted request, Reachability contact, ClinicalPicture clinical, CompiledRules r, List<ScoreReason> reasons)
    {
        var person = request.Person;
        var score = 0;
        if (clinical.Condition?.Points is { } conditionPoints) Add(reasons, ref score, conditionPoints);
        if (clinical.Months is { } m)
        {
            foreach (var (minimum, reason) in r.SymptomDurationBands)
                if (m >= minimum) { Add(reasons, ref score, reason); break; }
        }
        foreach (var (bit, reason) in r.TreatmentPoints)
            if ((clinical.Tried & (1UL << bit)) != 0) Add(reasons, ref score, reason);
        if (contact.EmailValid && r.ValidEmail is { } validEmail) Add(reasons, ref score, validEmail);
        if (contact.PhoneValid && r.ValidPhone is { } validPhone) Add(reasons, ref score, validPhone);
        if (!string.IsNullOrWhiteSpace(person.PostalCode) && r.PostalCode is { } postal) Add(reasons, ref score, postal);
        if ((person.Age is not null || person.DateOfBirth is not null) && r.AgeOrDateOfBirth is { } age) Add(reasons, ref score, age);
        var preferred = PreferredChannelIndex(person.PreferredChannel, contact.EmailUsable, contact.SmsUsable, contact.PhoneUsable);
        if (preferred >= 0 && r.PreferredChannelUsable[preferred] is { } preferredReason) Add(reasons, ref score, preferredReason);
        foreach (var (minimum, reason) in r.ConsentBreadthBands)
            if (contact.UsableChannels >= minimum) { Add(reasons, ref score, reason); break; }
        var message = request.Inquiry.Message.AsSpan().Trim();
        if (!message.IsEmpty)
        {
            if (r.MessageDetail is { } detail && message.Length >= r.MessageDetailMinimumLength) Add(reasons, ref score, detail);
            foreach (var (matcher, reason) in r.MessageMentions)
                if (matcher.StartsAWordIn(message)) Add(reasons, ref score, reason);
        }

        return score;
    }

    /// <summary>Tier: from the score, then lowered and capped by the clinical flags; also the tier the score alone gives.</summary>
    private static (string Tier, string ScoreTier) Tiers(int score, ClinicalPicture clinical, CompiledRules r)
    {
        var index = TierIndex(score, r.TierMinimums);
        var scoreTier = r.TierNames[index];
        if (clinical.NoConservativeCare) index = Apply(r.NoConservativeCare, index);
        if (clinical.ShortDuration) index = Apply(r.ShortSymptomDuration, index);
        if (clinical.ConditionOther) index = Apply(r.ConditionOther, index);
        return (r.TierNames[Math.Min(index, r.TierNames.Length - 1)], scoreTier);
    }

    /// <summary>Which channels are valid and consented to.</summary>
    private readonly record struct Reachability(bool EmailValid, bool PhoneValid, bool EmailUsable, bool SmsUsable, bool PhoneUsable)
    {
        public int UsableChannels => (EmailUsable ? 1 : 0) + (SmsUsable ? 1 : 0) + (PhoneUsable ? 1 : 0);

        public static Reachability Of(QuoteRequestSubmitted request)
        {
            var consent = request.Consent;
            var emailValid = ContactChecks.IsValidEmail(request.Person.Email.AsSpan().Trim());
            var phoneValid = ContactChecks.IsValidE164(request.Person.Phone.AsSpan().Trim());
            return new(emailValid, phoneValid, emailValid && consent.Email.Granted, phoneValid && consent.Sms.Granted, phoneValid && consent.Phone.Granted);
        }
    }

    /// <summary>What the inquiry says clinically: the condition, the symptoms' duration, the treatments tried, and the flags they raise.</summary>
    private readonly record struct ClinicalPicture(ConditionRule? Condition, int? Months, ulong Tried, bool NoConservativeCare, bool ShortDuration, bool ConditionOther)
    {
        public static ClinicalPicture Of(InquiryDetails inquiry, CompiledRules r)
        {
            var tried = TreatmentMask(inquiry.TreatmentsTried, r);
            var months = inquiry.SymptomDurationMonths is >= 0 ? inquiry.SymptomDurationMonths : null; // negative = not given
            var condition = r.Conditions.GetValueOrDefault(inquiry.Condition ?? string.Empty);
            return new(condition, months, tried, (tried & r.ConservativeTreatmentMask) == 0, months < r.ShortSymptomMonths, condition?.IsOther ?? r.UnknownConditionIsOther);
        }

        /// <summary>The flags' ids in the rule set's order (the same empty list when there is none).</summary>
        public IReadOnlyList<string> Flags(CompiledRules r)
        {
            if (!NoConservativeCare && !ShortDuration && !ConditionOther) return NoFlags;
            var list = new List<string>(3);
            if (NoConservativeCare) list.Add(r.NoConservativeCare.Id);
            if (ShortDuration) list.Add(r.ShortSymptomDuration.Id);
            if (ConditionOther) list.Add(r.ConditionOther.Id);
            return list;
        }
    }

    /// <summary>
    /// Age in whole years on <paramref name="today"/>. A 29 February birthday counts on 1 March in common years, the
    /// later (safer) of the two conventions for a minimum age.
    /// </summary>
    internal static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        if (today.Month < dateOfBirth.Month || (today.Month == dateOfBirth.Month && today.Day < dateOfBirth.Day)) age--;
        return age;
    }

    /// <summary>Under age when either the stated age or the date of birth says so; unknown age is not a reason.</summary>
    private static bool IsUnderAge(PersonDetails person, DateOnly today, int minimumAge) =>
        person.Age < minimumAge || (person.DateOfBirth is { } dob && AgeOn(dob, today) < minimumAge);

    private static bool IsTestDomain(ReadOnlySpan<char> domain, CompiledRules r)
    {
        if (domain.IsEmpty) return false;
        if (ContactChecks.DomainOrParentIn(domain, r.TestDomains)) return true;
        foreach (var prefix in r.TestDomainPrefixes)
            if (domain.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsPlaceholderName(string? firstName, string? lastName, CompiledRules r)
    {
        var first = firstName.AsSpan().Trim();
        var last = lastName.AsSpan().Trim();
        if (IsPlaceholderNamePart(first, r) || IsPlaceholderNamePart(last, r)) return true;
        foreach (var (f, l) in r.PlaceholderFullNames)
            if (first.Equals(f, StringComparison.OrdinalIgnoreCase) && last.Equals(l, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsPlaceholderNamePart(ReadOnlySpan<char> name, CompiledRules r)
    {
        if (name.IsEmpty) return true;
        if (r.PlaceholderNames.Contains(ContactChecks.TrimTrailingDigits(name))) return true;
        foreach (var prefix in r.PlaceholderNamePrefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return r.RepeatedCharacterRun > 0 && HasRepeatedRun(name, r.RepeatedCharacterRun);
    }

    private static bool HasRepeatedRun(ReadOnlySpan<char> value, int run)
    {
        var count = 1;
        for (var i = 1; i < value.Length; i++)
        {
            if (char.IsLetterOrDigit(value[i]) && char.ToLowerInvariant(value[i]) == char.ToLowerInvariant(value[i - 1]))
            {
                if (++count >= run) return true;
            }
            else
            {
                count = 1;
            }
        }
        return false;
    }

    private static ulong TreatmentMask(IReadOnlyList<string>? treatments, CompiledRules r)
    {
        var mask = 0UL;
        if (treatments is null) return mask;
        for (var i = 0; i < treatments.Count; i++)
            if (treatments[i] is { } t && r.Treatments.TryGetValue(t, out var bit)) mask |= 1UL << bit;
        return mask;
    }

    /// <summary>0 email, 1 SMS, 2 phone; -1 when the preferred channel is unknown or not usable.</summary>
    private static int PreferredChannelIndex(string? preferred, bool email, bool sms, bool phone) =>
        preferred switch
        {
            _ when email && string.Equals(preferred, "email", StringComparison.OrdinalIgnoreCase) => 0,
            _ when sms && string.Equals(preferred, "sms", StringComparison.OrdinalIgnoreCase) => 1,
            _ when phone && string.Equals(preferred, "phone", StringComparison.OrdinalIgnoreCase) => 2,
            _ => -1,
        };

    private static int TierIndex(int score, int[] minimums)
    {
        for (var i = 0; i < minimums.Length; i++)
            if (score >= minimums[i]) return i;
        return minimums.Length;
    }

    private static int Apply(FlagEffect flag, int index) => Math.Max(index + flag.LowerTiersBy, flag.CapIndex);

    private static void Add(ref List<DisqualificationReason>? list, DisqualificationReason reason) => (list ??= new(2)).Add(reason);

    private static void Add(List<ScoreReason> reasons, ref int score, ScoreReason reason)
    {
        reasons.Add(reason);
        score += reason.Points;
    }
}
