using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Qualification.Rules;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Rule_set_versions
{
    [Fact]
    public void The_default_rule_set_is_embedded_under_its_own_version()
    {
        var ruleSet = RuleSet.LoadDefault();

        Assert.Equal("2026-11-24", RuleSet.DefaultVersion);
        Assert.Equal(RuleSet.DefaultVersion, ruleSet.Version);
        Assert.Contains(RuleSet.DefaultVersion, RuleSet.EmbeddedVersions);
        Assert.All(RuleSet.EmbeddedVersions, version => Assert.Equal(version, RuleSet.LoadEmbedded(version).Version));
        Assert.Equal(RuleSet.DefaultVersion, QualificationEngine.CreateDefault().RuleSetVersion);
        Assert.Equal(RuleSet.DefaultVersion, new QualificationEngine().RuleSetVersion);
    }

    [Fact]
    public void A_version_that_is_not_embedded_is_refused_naming_the_ones_that_are()
    {
        var error = Assert.Throws<ArgumentException>(() => RuleSet.LoadEmbedded("1999-01-01"));

        Assert.Contains("1999-01-01", error.Message, StringComparison.Ordinal);
        Assert.Contains(RuleSet.DefaultVersion, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_version_with_a_higher_A_threshold_moves_a_71_point_lead_to_B()
    {
        var engine = new QualificationEngine(RuleSet.FromJson(Edit(
            ("version", "\"2027-01-15\""),
            ("tiers/0/minimumScore", "75"))));
        var request = Tiers.BoundaryRequest("spondylolysis", 8, "physical_therapy,bracing", postalCode: true);

        var before = Requests.Engine.Evaluate(request, Requests.Today);
        var after = engine.Evaluate(request, Requests.Today);

        Assert.Equal((71, "A", "2026-11-24"), (before.Score, before.Tier, before.RuleSetVersion));
        Assert.Equal((71, "B", "2027-01-15"), (after.Score, after.Tier, after.RuleSetVersion));
    }

    [Fact]
    public void A_rule_set_can_open_another_service_country()
    {
        var engine = QualificationEngine.FromJson(Edit(("disqualifications/serviceCountry/countries", "[\"ES\", \"FR\"]")));
        var fromFrance = Requests.Strong().WithPerson(p => p with { Country = "FR" });
        var fromMexico = Requests.Strong().WithPerson(p => p with { Country = "MX" });

        Assert.False(Requests.Engine.Evaluate(fromFrance, Requests.Today).Eligible);
        Assert.True(engine.Evaluate(fromFrance, Requests.Today).Eligible);
        Assert.Equal(["country_not_served"], engine.Evaluate(fromMexico, Requests.Today).DisqualificationRules());
    }

    [Fact]
    public void A_rule_set_can_change_the_points_and_the_text_of_a_reason()
    {
        var engine = QualificationEngine.FromJson(Edit(
            ("score/condition/0/points", "30"),
            ("score/condition/0/text", "\"condition is spondylolysis, the therapy's indication\"")));

        var outcome = engine.Evaluate(Requests.Strong(), Requests.Today);

        var reason = Assert.Single(outcome.Reasons, r => r.Rule == "condition_match");
        Assert.Equal((30, "condition is spondylolysis, the therapy's indication"), (reason.Points, reason.Text));
        Assert.Equal(83, outcome.Score);
    }

    [Fact]
    public void A_rule_set_can_raise_the_minimum_age()
    {
        var engine = QualificationEngine.FromJson(Edit(("disqualifications/minimumAge/minimumAge", "21")));
        var twenty = Requests.Strong().WithPerson(p => p with { DateOfBirth = new DateOnly(2006, 1, 1) });

        Assert.True(Requests.Engine.Evaluate(twenty, Requests.Today).Eligible);
        Assert.Equal(["under_18"], engine.Evaluate(twenty, Requests.Today).DisqualificationRules());
    }

    [Theory]
    // cap, lower by, score tier → tier; a condition_other request scoring 74 (A) and 53 (B)
    [InlineData(null, 1, true, "B")]
    [InlineData(null, 1, false, "C")]
    [InlineData(null, 2, true, "C")]
    [InlineData(null, 5, true, "C")]  // never below the last tier
    [InlineData(null, 0, true, "A")]  // a flag with no effect on the tier is still recorded
    [InlineData("C", 0, true, "C")]
    public void A_flag_can_lower_the_tier_or_cap_it_as_the_rule_set_says(string? capTier, int lowerBy, bool aScore, string tier)
    {
        var engine = QualificationEngine.FromJson(Edit(
            ("flags/conditionOther/capTier", capTier is null ? null : $"\"{capTier}\""),
            ("flags/conditionOther/lowerTiersBy", lowerBy.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var request = Requests.Strong()
            .WithInquiry(i => i with { Condition = "other" })
            .WithMessage(aScore ? Tiers.DetailedMessage : null);

        var outcome = engine.Evaluate(request, Requests.Today);

        Assert.Equal(aScore ? (74, "A") : (53, "B"), (outcome.Score, outcome.ScoreTier));
        Assert.Equal(["condition_other"], outcome.Flags);
        Assert.Equal(tier, outcome.Tier);
    }

    [Fact]
    public void Loading_from_a_stream_or_a_string_gives_the_same_rule_set()
    {
        var json = Edit(("version", "\"2027-02-01\""));

        var fromString = RuleSet.FromJson(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var fromStream = RuleSet.FromJson(stream);

        Assert.Equal((fromString.Version, fromString.ContentHash), (fromStream.Version, fromStream.ContentHash));
        Assert.NotEqual(RuleSet.LoadDefault().ContentHash, fromString.ContentHash);
    }

    [Theory]
    [InlineData("tiers/1/minimumScore", "75", "tiers[1].minimumScore: 75 must be lower than the tier above it (70)")]
    [InlineData("tiers/2/minimumScore", "0", "tiers[2].minimumScore: the last tier catches every remaining score")]
    [InlineData("tiers/0/minimumScore", null, "tiers[0].minimumScore: required for every tier but the last")]
    [InlineData("tiers/0/minimumScore", "\"seventy\"", "tiers[0].minimumScore")]
    [InlineData("tiers", "[]", "tiers: at least one tier is needed")]
    [InlineData("flags/conditionOther/capTier", "\"S\"", "flags.conditionOther.capTier: 'S' is not one of the tiers")]
    [InlineData("flags/shortSymptomDuration/flag", "\"no_conservative_care\"", "flags.shortSymptomDuration.flag: 'no_conservative_care' is used by another flag")]
    [InlineData("flags/noConservativeCare/conservativeTreatments/0", "\"yoga\"", "flags.noConservativeCare.conservativeTreatments: 'yoga' is not a known treatment")]
    [InlineData("score/condition/0/condition", "\"spondylolisis\"", "score.condition[0].condition: 'spondylolisis' is not a known condition")]
    [InlineData("score/condition/1/condition", "\"spondylolysis\"", "score.condition[1].condition: 'spondylolysis' is listed twice")]
    [InlineData("score/treatmentsTried/0/points", "0", "score.treatmentsTried[0].points: must not be 0")]
    [InlineData("score/symptomDuration/1/minimumMonths", "6", "score.symptomDuration[1].minimumMonths: 6 is listed twice")]
    [InlineData("score/consentBreadth/0/minimumChannels", "4", "score.consentBreadth[0].minimumChannels: must be 1, 2 or 3")]
    [InlineData("score/message/mentions/0/keywords", "[]", "score.message.mentions[0].keywords: must list at least one entry")]
    [InlineData("score/contact/validEmail/text", "\"\"", "score.contact.validEmail.text: must not be empty")]
    [InlineData("disqualifications/serviceCountry/countries", "[]", "disqualifications.serviceCountry.countries: must list at least one entry")]
    [InlineData("disqualifications/serviceCountry/countries/0", "\"USA\"", "disqualifications.serviceCountry.countries[0]: 'USA' is not an ISO 3166-1 alpha-2 code")]
    [InlineData("disqualifications/minimumAge/minimumAge", "0", "disqualifications.minimumAge.minimumAge: must be between 1 and 150")]
    [InlineData("disqualifications/testEmailDomain/domains/0", "\"@example.com\"", "disqualifications.testEmailDomain.domains[0]: '@example.com' is not a domain name")]
    [InlineData("disqualifications/placeholderName/fullNames/0", "\"johndoe\"", "disqualifications.placeholderName.fullNames[0]: 'johndoe' must be a first and a last name")]
    [InlineData("disqualifications/placeholderName/repeatedCharacterRun", "1", "disqualifications.placeholderName.repeatedCharacterRun: must be 2 or more")]
    [InlineData("treatments", "[\"rest\", \"rest\"]", "treatments[1]: 'rest' is listed twice")]
    [InlineData("version", "\" \"", "version: must not be empty")]
    [InlineData("version", null, "'version'")]
    [InlineData("score", null, "'score'")]
    [InlineData("disqualifications/contactChannel/rule", "null", "disqualifications.contactChannel.rule")]
    [InlineData("tierz", "[]", "tierz")]
    public void An_invalid_rule_set_is_refused_with_an_error_naming_where_it_is_wrong(string path, string? value, string expected)
    {
        var json = Edit((path, value));

        var error = Assert.Throws<InvalidRuleSetException>(() => RuleSet.FromJson(json));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The qualification rule set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_in_a_rule_set_is_reported_at_once_with_its_version()
    {
        var json = Edit(
            ("version", "\"2027-03-01\""),
            ("tiers/1/minimumScore", "80"),
            ("flags/conditionOther/capTier", "\"Z\""));

        var error = Assert.Throws<InvalidRuleSetException>(() => RuleSet.FromJson(json));

        Assert.Equal("2027-03-01", error.Version);
        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("'2027-03-01' is invalid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{ \"version\": ")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Text_that_is_not_a_rule_set_is_refused(string json)
    {
        var error = Assert.Throws<InvalidRuleSetException>(() => RuleSet.FromJson(json));

        Assert.NotEmpty(error.Errors);
    }

    /// <summary>The default rule set's JSON with edits: a slash path (array indexes as numbers) and a JSON value, or null to remove.</summary>
    private static string Edit(params (string Path, string? Json)[] edits)
    {
        var root = JsonNode.Parse(
            RuleSet.ReadEmbeddedJson(RuleSet.DefaultVersion),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        foreach (var (path, json) in edits)
        {
            var segments = path.Split('/');
            var parent = root;
            foreach (var segment in segments[..^1])
                parent = int.TryParse(segment, out var i) ? parent[i]! : parent[segment]!;
            var last = segments[^1];
            var value = json is null ? null : JsonNode.Parse(json);
            if (parent is JsonArray array) array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
            else if (json is null) parent.AsObject().Remove(last);
            else parent[last] = value;
        }
        return root.ToJsonString();
    }
}
