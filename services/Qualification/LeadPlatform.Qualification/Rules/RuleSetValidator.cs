namespace LeadPlatform.Qualification.Rules;

/// <summary>
/// Checks what JSON deserialization cannot: that the rule set means something. Every problem is reported with its
/// JSON path, all at once, so an operator can fix a rule set in one pass.
/// </summary>
internal static class RuleSetValidator
{
    public const int MaxTreatments = 64;

    public static List<string> Validate(RuleSetDocument document)
    {
        var errors = new List<string>();
        var v = new Checker(errors);

        v.NotBlank(document.Version, "version");
        if (document.Version is { Length: > 64 }) errors.Add("version: must be at most 64 characters.");

        var conditions = v.Codes(document.Conditions, "conditions");
        var treatments = v.Codes(document.Treatments, "treatments");
        if (document.Treatments.Count > MaxTreatments) errors.Add($"treatments: at most {MaxTreatments} treatment codes are supported.");

        ValidateTiers(document.Tiers, v, errors);
        var tierNames = new HashSet<string>(document.Tiers.Select(t => t.Tier), StringComparer.Ordinal);

        var d = document.Disqualifications;
        v.RuleText(d.MinimumAge, "disqualifications.minimumAge");
        if (d.MinimumAge.MinimumAge is < 1 or > 150)
            errors.Add("disqualifications.minimumAge.minimumAge: must be between 1 and 150.");
        v.RuleText(d.ContactChannel, "disqualifications.contactChannel");
        v.RuleText(d.ServiceCountry, "disqualifications.serviceCountry");
        v.NotEmpty(d.ServiceCountry.Countries, "disqualifications.serviceCountry.countries");
        for (var i = 0; i < d.ServiceCountry.Countries.Count; i++)
        {
            var c = d.ServiceCountry.Countries[i];
            if (c is not { Length: 2 } || !char.IsAsciiLetter(c[0]) || !char.IsAsciiLetter(c[1]))
                errors.Add($"disqualifications.serviceCountry.countries[{i}]: '{c}' is not an ISO 3166-1 alpha-2 code.");
        }
        v.RuleText(d.TestEmailDomain, "disqualifications.testEmailDomain");
        v.Domains(d.TestEmailDomain.Domains, "disqualifications.testEmailDomain.domains");
        v.Tokens(d.TestEmailDomain.DomainPrefixes, "disqualifications.testEmailDomain.domainPrefixes");
        v.RuleText(d.ThrowawayEmailDomain, "disqualifications.throwawayEmailDomain");
        v.Domains(d.ThrowawayEmailDomain.Domains, "disqualifications.throwawayEmailDomain.domains");
        v.RuleText(d.PlaceholderEmail, "disqualifications.placeholderEmail");
        v.Tokens(d.PlaceholderEmail.LocalParts, "disqualifications.placeholderEmail.localParts");
        v.RuleText(d.PlaceholderName, "disqualifications.placeholderName");
        v.Tokens(d.PlaceholderName.Names, "disqualifications.placeholderName.names");
        v.Tokens(d.PlaceholderName.NamePrefixes, "disqualifications.placeholderName.namePrefixes");
        for (var i = 0; i < d.PlaceholderName.FullNames.Count; i++)
        {
            var full = d.PlaceholderName.FullNames[i];
            var space = full?.Trim().IndexOf(' ') ?? -1;
            if (space <= 0)
                errors.Add($"disqualifications.placeholderName.fullNames[{i}]: '{full}' must be a first and a last name separated by a space.");
        }
        if (d.PlaceholderName.RepeatedCharacterRun is < 2)
            errors.Add("disqualifications.placeholderName.repeatedCharacterRun: must be 2 or more (or null to turn the check off).");

        var f = document.Flags;
        var flagIds = new HashSet<string>(StringComparer.Ordinal);
        v.Flag(f.NoConservativeCare, "flags.noConservativeCare", tierNames, flagIds);
        v.KnownCodes(f.NoConservativeCare.ConservativeTreatments, treatments, "flags.noConservativeCare.conservativeTreatments", "treatment");
        v.NotEmpty(f.NoConservativeCare.ConservativeTreatments, "flags.noConservativeCare.conservativeTreatments");
        v.Flag(f.ShortSymptomDuration, "flags.shortSymptomDuration", tierNames, flagIds);
        if (f.ShortSymptomDuration.MinimumMonths < 1)
            errors.Add("flags.shortSymptomDuration.minimumMonths: must be 1 or more.");
        v.Flag(f.ConditionOther, "flags.conditionOther", tierNames, flagIds);
        v.KnownCodes(f.ConditionOther.Conditions, conditions, "flags.conditionOther.conditions", "condition");

        var s = document.Score;
        var seenConditions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < s.Condition.Count; i++)
        {
            var path = $"score.condition[{i}]";
            v.Points(s.Condition[i], path);
            v.KnownCodes([s.Condition[i].Condition], conditions, path + ".condition", "condition");
            if (s.Condition[i].Condition is { } code && !seenConditions.Add(code))
                errors.Add($"{path}.condition: '{code}' is listed twice.");
        }
        var seenMonths = new HashSet<int>();
        for (var i = 0; i < s.SymptomDuration.Count; i++)
        {
            var path = $"score.symptomDuration[{i}]";
            v.Points(s.SymptomDuration[i], path);
            if (s.SymptomDuration[i].MinimumMonths < 0) errors.Add($"{path}.minimumMonths: must be 0 or more.");
            if (!seenMonths.Add(s.SymptomDuration[i].MinimumMonths)) errors.Add($"{path}.minimumMonths: {s.SymptomDuration[i].MinimumMonths} is listed twice.");
        }
        var seenTreatments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < s.TreatmentsTried.Count; i++)
        {
            var path = $"score.treatmentsTried[{i}]";
            v.Points(s.TreatmentsTried[i], path);
            v.KnownCodes([s.TreatmentsTried[i].Treatment], treatments, path + ".treatment", "treatment");
            if (s.TreatmentsTried[i].Treatment is { } code && !seenTreatments.Add(code))
                errors.Add($"{path}.treatment: '{code}' is listed twice.");
        }
        if (s.Contact.ValidEmail is { } email) v.Points(email, "score.contact.validEmail");
        if (s.Contact.ValidPhone is { } phone) v.Points(phone, "score.contact.validPhone");
        if (s.Contact.PostalCode is { } postal) v.Points(postal, "score.contact.postalCode");
        if (s.Contact.AgeOrDateOfBirth is { } age) v.Points(age, "score.contact.ageOrDateOfBirth");
        if (s.Contact.PreferredChannelUsable is { } preferred) v.Points(preferred, "score.contact.preferredChannelUsable");
        var seenChannels = new HashSet<int>();
        for (var i = 0; i < s.ConsentBreadth.Count; i++)
        {
            var path = $"score.consentBreadth[{i}]";
            v.Points(s.ConsentBreadth[i], path);
            if (s.ConsentBreadth[i].MinimumChannels is < 1 or > 3) errors.Add($"{path}.minimumChannels: must be 1, 2 or 3.");
            if (!seenChannels.Add(s.ConsentBreadth[i].MinimumChannels)) errors.Add($"{path}.minimumChannels: {s.ConsentBreadth[i].MinimumChannels} is listed twice.");
        }
        if (s.Message.Detail is { } detail)
        {
            v.Points(detail, "score.message.detail");
            if (detail.MinimumLength < 1) errors.Add("score.message.detail.minimumLength: must be 1 or more.");
        }
        for (var i = 0; i < s.Message.Mentions.Count; i++)
        {
            var path = $"score.message.mentions[{i}]";
            v.Points(s.Message.Mentions[i], path);
            v.NotEmpty(s.Message.Mentions[i].Keywords, path + ".keywords");
            v.Tokens(s.Message.Mentions[i].Keywords, path + ".keywords");
        }
        return errors;
    }

    private static void ValidateTiers(List<TierDocument> tiers, Checker v, List<string> errors)
    {
        if (tiers.Count == 0)
        {
            errors.Add("tiers: at least one tier is needed.");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        int? previous = null;
        for (var i = 0; i < tiers.Count; i++)
        {
            var path = $"tiers[{i}]";
            var tier = tiers[i];
            v.NotBlank(tier.Tier, path + ".tier");
            if (tier.Tier is { } name && !names.Add(name)) errors.Add($"{path}.tier: '{name}' is listed twice.");
            var last = i == tiers.Count - 1;
            if (last && tier.MinimumScore is not null)
                errors.Add($"{path}.minimumScore: the last tier catches every remaining score and must not have a minimum.");
            if (!last && tier.MinimumScore is null)
                errors.Add($"{path}.minimumScore: required for every tier but the last.");
            if (!last && tier.MinimumScore is { } min)
            {
                if (previous is { } p && min >= p)
                    errors.Add($"{path}.minimumScore: {min} must be lower than the tier above it ({p}); list tiers best first.");
                previous = min;
            }
        }
    }

    private sealed class Checker(List<string> errors)
    {
        public void NotBlank(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add($"{path}: must not be empty.");
        }

        public void NotEmpty<T>(List<T> list, string path)
        {
            if (list.Count == 0) errors.Add($"{path}: must list at least one entry.");
        }

        public void RuleText(RuleTextDocument rule, string path)
        {
            NotBlank(rule.Rule, path + ".rule");
            NotBlank(rule.Text, path + ".text");
        }

        public void Points(PointsDocument points, string path)
        {
            NotBlank(points.Rule, path + ".rule");
            NotBlank(points.Text, path + ".text");
            if (points.Points == 0) errors.Add($"{path}.points: must not be 0 (leave the rule out instead).");
        }

        public void Flag(FlagDocument flag, string path, HashSet<string> tierNames, HashSet<string> flagIds)
        {
            NotBlank(flag.Flag, path + ".flag");
            if (flag.Flag is { } id && !flagIds.Add(id)) errors.Add($"{path}.flag: '{id}' is used by another flag.");
            if (flag.CapTier is { } cap && !tierNames.Contains(cap))
                errors.Add($"{path}.capTier: '{cap}' is not one of the tiers.");
            if (flag.LowerTiersBy < 0) errors.Add($"{path}.lowerTiersBy: must be 0 or more.");
        }

        public HashSet<string> Codes(List<string> codes, string path)
        {
            NotEmpty(codes, path);
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < codes.Count; i++)
            {
                NotBlank(codes[i], $"{path}[{i}]");
                if (codes[i] is { } code && !set.Add(code)) errors.Add($"{path}[{i}]: '{code}' is listed twice.");
            }
            return set;
        }

        public void KnownCodes(List<string> codes, HashSet<string> known, string path, string kind)
        {
            for (var i = 0; i < codes.Count; i++)
                if (codes[i] is { } code && !known.Contains(code))
                    errors.Add($"{path}: '{code}' is not a known {kind} (see the top-level list).");
        }

        public void Tokens(List<string> tokens, string path)
        {
            for (var i = 0; i < tokens.Count; i++) NotBlank(tokens[i], $"{path}[{i}]");
        }

        public void Domains(List<string> domains, string path)
        {
            NotEmpty(domains, path);
            for (var i = 0; i < domains.Count; i++)
            {
                var domain = domains[i];
                if (string.IsNullOrWhiteSpace(domain) || domain.Contains('@') || domain.StartsWith('.') || domain.EndsWith('.')
                    || domain.AsSpan().ContainsAny(' ', '\t'))
                    errors.Add($"{path}[{i}]: '{domain}' is not a domain name (write example.com, without @ or dots at the ends).");
            }
        }
    }
}
