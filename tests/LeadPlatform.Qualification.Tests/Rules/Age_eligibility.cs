using System.Globalization;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Age_eligibility
{
    [Theory]
    [InlineData("2008-11-23", true)]  // 18 since yesterday
    [InlineData("2008-11-24", true)]  // 18th birthday today
    [InlineData("2008-11-25", false)] // 18th birthday tomorrow
    [InlineData("2008-12-24", false)]
    [InlineData("2009-01-01", false)]
    [InlineData("1950-11-24", true)]
    [InlineData("2027-01-01", false)] // a date of birth in the future is not an adult
    public void A_person_becomes_eligible_on_their_18th_birthday_and_not_a_day_before(string dateOfBirth, bool eligible)
    {
        var outcome = Requests.Strong()
            .WithPerson(p => p with { DateOfBirth = DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), Age = null })
            .Evaluate();

        Assert.Equal(eligible, outcome.Eligible);
        Assert.Equal(eligible ? [] : ["under_18"], outcome.DisqualificationRules());
    }

    [Theory]
    [InlineData(17, false)]
    [InlineData(18, true)]
    [InlineData(19, true)]
    [InlineData(0, false)]
    public void A_stated_age_under_18_disqualifies_when_no_date_of_birth_is_given(int age, bool eligible)
    {
        var outcome = Requests.Strong().WithPerson(p => p with { DateOfBirth = null, Age = age }).Evaluate();

        Assert.Equal(eligible, outcome.Eligible);
        Assert.Equal(eligible ? [] : ["under_18"], outcome.DisqualificationRules());
    }

    [Theory]
    [InlineData(30, "2010-03-02")] // says 30, born 16 years ago
    [InlineData(17, "1990-05-17")] // says 17, born 36 years ago
    public void Either_the_stated_age_or_the_date_of_birth_being_under_18_disqualifies(int statedAge, string dateOfBirth)
    {
        var outcome = Requests.Strong()
            .WithPerson(p => p with { Age = statedAge, DateOfBirth = DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture) })
            .Evaluate();

        Assert.False(outcome.Eligible);
        Assert.Equal(["under_18"], outcome.DisqualificationRules());
    }

    [Theory]
    [InlineData("2026-02-27", false)]
    [InlineData("2026-02-28", false)] // a common year: no 29 February, the birthday counts on 1 March
    [InlineData("2026-03-01", true)]
    public void Someone_born_on_29_February_turns_18_on_1_March_in_a_common_year(string today, bool eligible)
    {
        var outcome = Requests.Strong()
            .WithPerson(p => p with { Age = null, DateOfBirth = new DateOnly(2008, 2, 29) })
            .Evaluate(DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal(eligible, outcome.Eligible);
    }

    [Fact]
    public void An_unknown_age_is_not_a_reason_to_disqualify()
    {
        var outcome = Requests.Strong().WithPerson(p => p with { Age = null, DateOfBirth = null }).Evaluate();

        Assert.True(outcome.Eligible);
        Assert.DoesNotContain("contact_age", outcome.ReasonRules());
    }

    [Fact]
    public void The_under_18_reason_reads_as_a_sentence_for_the_coordinator()
    {
        var outcome = Requests.Strong().WithPerson(p => p with { Age = 16 }).Evaluate();

        var reason = Assert.Single(outcome.Disqualifications);
        Assert.Equal("under_18", reason.Rule);
        Assert.Contains("under 18", reason.Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcome.Tier);
    }
}
