namespace LeadPlatform.Compliance.Tests;

public sealed class A_leads_age
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2008-12-02", true)]   // turns 18 tomorrow
    [InlineData("2008-12-01", false)]  // 18 today
    [InlineData("2010-05-05", true)]
    [InlineData("1980-01-01", false)]
    public void From_a_date_of_birth_counts_whole_years_on_todays_date(string dateOfBirth, bool minor)
        => Assert.Equal(minor, LeadAge.IsMinor(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), null, Now, Now));

    [Fact]
    public void From_a_stated_age_stays_a_minor_until_a_full_year_has_made_18_certain()
    {
        Assert.True(LeadAge.IsMinor(null, 16, Now, Now));
        Assert.True(LeadAge.IsMinor(null, 17, Now.AddDays(-364), Now));
        Assert.False(LeadAge.IsMinor(null, 17, Now.AddYears(-1), Now));
        Assert.False(LeadAge.IsMinor(null, 18, Now, Now));
    }

    [Fact]
    public void Is_unknown_without_a_date_of_birth_or_an_age() => Assert.Null(LeadAge.IsMinor(null, null, Now, Now));

    [Fact]
    public void Prefers_the_date_of_birth_to_a_stated_age()
        => Assert.False(LeadAge.IsMinor(new DateOnly(1990, 1, 1), 16, Now, Now));
}
