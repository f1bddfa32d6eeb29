using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Clinical_flags
{
    [Theory]
    [InlineData("", true)]
    [InlineData("injections", true)]
    [InlineData("injections,surgery", true)]
    [InlineData("rest", false)]
    [InlineData("physical_therapy", false)]
    [InlineData("bracing", false)]
    [InlineData("surgery,bracing", false)]
    [InlineData("chiropractic", true)] // not a treatment code the rule set knows
    public void A_request_without_rest_physical_therapy_or_bracing_is_flagged_no_conservative_care(string treatments, bool flagged)
    {
        var outcome = Requests.Strong().WithTreatments(treatments).Evaluate();

        Assert.Equal(flagged, outcome.Flags.Contains("no_conservative_care"));
        Assert.True(outcome.Eligible);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(36, false)]
    [InlineData(null, false)] // not given: no flag (and no duration points)
    public void Symptoms_for_less_than_3_months_are_flagged_short_symptom_duration(int? months, bool flagged)
    {
        var outcome = Requests.Strong().WithInquiry(i => i with { SymptomDurationMonths = months }).Evaluate();

        Assert.Equal(flagged, outcome.Flags.Contains("short_symptom_duration"));
        Assert.True(outcome.Eligible);
    }

    [Theory]
    [InlineData("other", true)]
    [InlineData("scoliosis", true)] // a code the rule set does not know counts as other
    [InlineData("spondylolysis", false)]
    [InlineData("spondylolisthesis", false)]
    [InlineData("degenerative_disc_disease", false)]
    public void A_condition_other_than_the_known_ones_is_flagged_condition_other(string condition, bool flagged)
    {
        var outcome = Requests.Strong().WithInquiry(i => i with { Condition = condition }).Evaluate();

        Assert.Equal(flagged, outcome.Flags.Contains("condition_other"));
        Assert.True(outcome.Eligible);
    }

    [Fact]
    public void Flags_are_listed_in_a_stable_order_and_never_disqualify()
    {
        var outcome = Requests.Strong()
            .WithInquiry(i => i with { Condition = "other", ConditionOther = "sciatica", SymptomDurationMonths = 1, TreatmentsTried = [] })
            .Evaluate();

        Assert.True(outcome.Eligible);
        Assert.Empty(outcome.Disqualifications);
        Assert.Equal(["no_conservative_care", "short_symptom_duration", "condition_other"], outcome.Flags);
    }

    [Fact]
    public void A_request_with_nothing_to_flag_has_no_flags()
    {
        Assert.Empty(Requests.Strong().Evaluate().Flags);
    }
}
