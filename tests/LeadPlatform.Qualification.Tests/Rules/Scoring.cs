using LeadPlatform.Contracts;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Scoring
{
    [Fact]
    public void A_strong_request_scores_every_point_with_a_reason_a_coordinator_can_read()
    {
        var outcome = Requests.Strong().Evaluate();

        Assert.Equal(
            [
                "+25 condition is spondylolysis",
                "+15 symptoms for 6 months or more",
                "+8 already tried physical therapy",
                "+4 already tried rest",
                "+5 valid email address",
                "+5 valid phone number",
                "+2 postal code given",
                "+3 age or date of birth given",
                "+5 preferred channel (email) is valid and consented",
                "+6 consented to 2 contact channels",
            ],
            outcome.Reasons.Select(Line));
        Assert.Equal(78, outcome.Score);
        Assert.Equal("A", outcome.Tier);
        Assert.Equal("2026-11-24", outcome.RuleSetVersion);
    }

    [Theory]
    [InlineData("spondylolysis", 25)]
    [InlineData("spondylolisthesis", 15)]
    [InlineData("degenerative_disc_disease", 5)]
    [InlineData("other", 0)]
    [InlineData("scoliosis", 0)]
    public void The_condition_scores_by_how_closely_it_matches_spondylolysis(string condition, int points)
    {
        var outcome = Requests.Strong().WithInquiry(i => i with { Condition = condition }).Evaluate();

        Assert.Equal(points, PointsFor(outcome, "condition_match"));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 10)]
    [InlineData(5, 10)]
    [InlineData(6, 15)]
    [InlineData(7, 15)]
    [InlineData(120, 15)]
    [InlineData(-1, 0)] // nonsense: treated as not given
    public void Symptom_duration_scores_in_bands_at_3_and_6_months(int? months, int points)
    {
        var outcome = Requests.Strong().WithInquiry(i => i with { SymptomDurationMonths = months }).Evaluate();

        Assert.Equal(points, PointsFor(outcome, "symptom_duration"));
    }

    [Theory]
    [InlineData("physical_therapy", "tried_physical_therapy", 8)]
    [InlineData("bracing", "tried_bracing", 6)]
    [InlineData("injections", "tried_injections", 5)]
    [InlineData("rest", "tried_rest", 4)]
    [InlineData("surgery", "tried_surgery", 2)]
    public void Each_treatment_already_tried_scores_its_own_points(string treatment, string rule, int points)
    {
        var outcome = Requests.Strong().WithTreatments(treatment).Evaluate();

        var reason = Assert.Single(outcome.Reasons, r => r.Rule.StartsWith("tried_", StringComparison.Ordinal));
        Assert.Equal(rule, reason.Rule);
        Assert.Equal(points, reason.Points);
    }

    [Fact]
    public void A_treatment_listed_twice_or_unknown_scores_once_or_not_at_all()
    {
        var outcome = Requests.Strong().WithTreatments("rest,rest,REST,acupuncture").Evaluate();

        Assert.Equal(["tried_rest"], outcome.ReasonRules().Where(r => r.StartsWith("tried_", StringComparison.Ordinal)));
    }

    [Fact]
    public void All_five_treatments_tried_score_25()
    {
        var outcome = Requests.Strong().WithTreatments("surgery,injections,bracing,physical_therapy,rest").Evaluate();

        // In rule-set order, whatever the order on the form.
        Assert.Equal(
            ["tried_physical_therapy", "tried_bracing", "tried_injections", "tried_rest", "tried_surgery"],
            outcome.ReasonRules().Where(r => r.StartsWith("tried_", StringComparison.Ordinal)));
        Assert.Equal(25, outcome.Reasons.Where(r => r.Rule.StartsWith("tried_", StringComparison.Ordinal)).Sum(r => r.Points));
    }

    [Theory]
    // email, phone, postal code, stated age, expected contact rules
    [InlineData("lucia.fernandez@mailbox.org", "+34612345678", "28001", 36, "contact_email,contact_phone,contact_postal_code,contact_age")]
    [InlineData("lucia.fernandez@mailbox.org", null, null, null, "contact_email")]
    [InlineData("not-an-email", "+34612345678", "  ", null, "contact_phone")]
    [InlineData(null, "+34612345678", null, 40, "contact_phone,contact_age")]
    public void Complete_contact_data_scores_per_valid_field(string? email, string? phone, string? postalCode, int? age, string expected)
    {
        var outcome = Requests.Strong()
            .WithPerson(p => p with { Email = email, Phone = phone, PostalCode = postalCode, Age = age, DateOfBirth = null })
            .WithConsent(true, true, true)
            .Evaluate();

        Assert.Equal(Requests.Split(expected), outcome.ReasonRules().Where(r => r.StartsWith("contact_", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("email", true, false, false, "+5 preferred channel (email) is valid and consented")]
    [InlineData("sms", false, true, false, "+5 preferred channel (SMS) is valid and consented")]
    [InlineData("phone", false, false, true, "+5 preferred channel (phone) is valid and consented")]
    [InlineData("sms", true, false, true, null)]   // prefers SMS but did not consent to it
    [InlineData("phone", true, true, false, null)]
    [InlineData("whatsapp", true, true, true, null)]
    public void The_preferred_channel_scores_only_when_it_is_usable(string preferred, bool email, bool sms, bool phone, string? expected)
    {
        var outcome = Requests.Strong().WithPerson(p => p with { PreferredChannel = preferred }).WithConsent(email, sms, phone).Evaluate();

        var reason = outcome.Reasons.SingleOrDefault(r => r.Rule == "preferred_channel_usable");
        Assert.Equal(expected, reason is null ? null : Line(reason));
    }

    [Theory]
    [InlineData(true, false, false, "+2 consented to 1 contact channel")]
    [InlineData(false, true, false, "+2 consented to 1 contact channel")]
    [InlineData(true, false, true, "+6 consented to 2 contact channels")]
    [InlineData(false, true, true, "+6 consented to 2 contact channels")]
    [InlineData(true, true, true, "+10 consented to email, SMS and phone")]
    public void Consent_breadth_scores_by_the_number_of_usable_channels(bool email, bool sms, bool phone, string expected)
    {
        var outcome = Requests.Strong().WithConsent(email, sms, phone).Evaluate();

        Assert.Equal(expected, Line(Assert.Single(outcome.Reasons, r => r.Rule == "consent_breadth")));
    }

    [Fact]
    public void Consent_for_a_channel_without_a_valid_address_does_not_widen_consent()
    {
        var outcome = Requests.Strong().WithPerson(p => p with { Phone = "12345" }).WithConsent(true, true, true).Evaluate();

        Assert.Equal("+2 consented to 1 contact channel", Line(Assert.Single(outcome.Reasons, r => r.Rule == "consent_breadth")));
    }

    [Theory]
    [InlineData(79, false)]
    [InlineData(80, true)]
    [InlineData(81, true)]
    public void A_message_of_80_characters_or_more_scores_as_detailed(int length, bool detailed)
    {
        var message = new string('a', length - 1) + "."; // no keywords, just length
        var outcome = Requests.Strong().WithMessage("  " + message + "  ").Evaluate();

        Assert.Equal(detailed ? 5 : 0, PointsFor(outcome, "message_detail"));
    }

    [Theory]
    [InlineData("My lower back pain started in 2024.", "message_mentions_pain")]
    [InlineData("It is PAINFUL when I run.", "message_mentions_pain")]
    [InlineData("I moved from Spain last year.", "")] // "pain" inside a word does not count
    [InlineData("Tengo dolor lumbar desde hace un año.", "message_mentions_pain")]
    [InlineData("I was diagnosed with a pars defect.", "message_mentions_diagnosis")]
    [InlineData("My orthopedic surgeon suggested this.", "message_mentions_diagnosis")]
    [InlineData("The MRI shows it clearly.", "message_mentions_imaging")]
    [InlineData("Had an x-ray in March.", "message_mentions_imaging")]
    [InlineData("Röntgenbild liegt vor.", "message_mentions_imaging")]
    [InlineData("Dr. Zamri referred me.", "")] // "mri" inside a word does not count
    [InlineData("Diagnóstico: espondilólisis L5, resonancia magnética y mucho dolor.", "message_mentions_pain,message_mentions_diagnosis,message_mentions_imaging")]
    [InlineData("Call me.", "")]
    public void A_message_mentioning_pain_a_diagnosis_or_imaging_scores_for_each(string message, string expected)
    {
        var outcome = Requests.Strong().WithMessage(message).Evaluate();

        Assert.Equal(Requests.Split(expected), outcome.ReasonRules().Where(r => r.StartsWith("message_mentions_", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_request_that_is_not_eligible_still_shows_its_score_but_has_no_tier()
    {
        var outcome = Requests.Strong().WithPerson(p => p with { Country = "FR" }).Evaluate();

        Assert.False(outcome.Eligible);
        Assert.Equal(78, outcome.Score);
        Assert.Equal(outcome.Score, outcome.Reasons.Sum(r => r.Points));
        Assert.Equal(string.Empty, outcome.Tier);
        Assert.Equal(string.Empty, outcome.ScoreTier);
    }

    private static int PointsFor(LeadPlatform.Qualification.Rules.QualificationOutcome outcome, string rule) =>
        outcome.Reasons.Where(r => r.Rule == rule).Sum(r => r.Points);

    private static string Line(ScoreReason reason) => $"{(reason.Points >= 0 ? "+" : "")}{reason.Points} {reason.Text}";
}
