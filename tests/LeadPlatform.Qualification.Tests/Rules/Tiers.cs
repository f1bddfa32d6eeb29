using LeadPlatform.Contracts;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Tiers
{
    /// <summary>
    /// Requests built to land just below, at and just above each threshold of the default rule set (B from 40, A from 70):
    /// email only (valid, consented, preferred) and a date of birth, plus what the row says. No clinical flags.
    /// </summary>
    [Theory]
    [InlineData("degenerative_disc_disease", 4, "rest,injections", false, 39, "C")]
    [InlineData("degenerative_disc_disease", 4, "rest,bracing", false, 40, "B")]
    [InlineData("degenerative_disc_disease", 4, "rest,injections", true, 41, "B")]
    [InlineData("spondylolysis", 8, "physical_therapy,rest", true, 69, "B")]
    [InlineData("spondylolysis", 8, "physical_therapy,injections", true, 70, "A")]
    [InlineData("spondylolysis", 8, "physical_therapy,bracing", true, 71, "A")]
    public void The_tier_follows_the_score_thresholds_exactly(string condition, int months, string treatments, bool postalCode, int score, string tier)
    {
        var outcome = BoundaryRequest(condition, months, treatments, postalCode).Evaluate();

        Assert.Empty(outcome.Flags);
        Assert.Equal(score, outcome.Score);
        Assert.Equal(tier, outcome.Tier);
        Assert.Equal(tier, outcome.ScoreTier);
    }

    [Fact]
    public void The_lowest_score_still_gets_the_lowest_tier()
    {
        var outcome = Requests.Strong()
            .WithPerson(p => p with { Phone = null, PostalCode = null, Age = null, DateOfBirth = null, PreferredChannel = "phone" })
            .WithInquiry(i => i with { Condition = "degenerative_disc_disease", SymptomDurationMonths = 3, TreatmentsTried = ["surgery", "rest"] })
            .WithConsent(true, false, false)
            .Evaluate();

        Assert.Equal(28, outcome.Score);
        Assert.Equal("C", outcome.Tier);
    }

    [Theory]
    // treatments, months, condition, message?, expected flags, score, tier from score, tier
    [InlineData("injections", 12, "spondylolysis", false, "no_conservative_care", 71, "A", "B")]
    [InlineData("rest,physical_therapy", 2, "spondylolysis", true, "short_symptom_duration", 84, "A", "B")]
    [InlineData("rest,physical_therapy", 12, "other", true, "condition_other", 74, "A", "B")]
    [InlineData("", 1, "other", true, "no_conservative_care,short_symptom_duration,condition_other", 47, "B", "B")]
    [InlineData("injections", 12, "degenerative_disc_disease", false, "no_conservative_care", 51, "B", "B")]
    [InlineData("", 12, "other", false, "no_conservative_care,condition_other", 41, "B", "B")]
    [InlineData("", 1, "other", false, "no_conservative_care,short_symptom_duration,condition_other", 26, "C", "C")]
    public void Any_clinical_flag_caps_the_tier_at_B_but_never_raises_it(
        string treatments, int months, string condition, bool detailedMessage, string flags, int score, string scoreTier, string tier)
    {
        var outcome = Requests.Strong()
            .WithTreatments(treatments)
            .WithInquiry(i => i with { SymptomDurationMonths = months, Condition = condition })
            .WithMessage(detailedMessage ? DetailedMessage : null)
            .Evaluate();

        Assert.True(outcome.Eligible);
        Assert.Equal(Requests.Split(flags), outcome.Flags);
        Assert.Equal(score, outcome.Score);
        Assert.Equal(scoreTier, outcome.ScoreTier);
        Assert.Equal(tier, outcome.Tier);
    }

    /// <summary>Worth 21 points: detail, pain, diagnosis and imaging.</summary>
    internal const string DetailedMessage =
        "I was diagnosed with spondylolysis at L5 after an MRI last spring; the pain gets worse when I stand for long.";

    internal static QuoteRequestSubmitted BoundaryRequest(string condition, int months, string treatments, bool postalCode) =>
        Requests.Strong()
            .WithPerson(p => p with
            {
                Phone = null,
                PostalCode = postalCode ? "28001" : null,
                Age = null,
                DateOfBirth = new DateOnly(1990, 5, 17),
                PreferredChannel = "email",
            })
            .WithInquiry(i => i with { Condition = condition, SymptomDurationMonths = months, TreatmentsTried = Requests.Split(treatments), Message = null })
            .WithConsent(email: true, sms: false, phone: false);
}
