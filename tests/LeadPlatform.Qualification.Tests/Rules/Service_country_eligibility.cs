using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Service_country_eligibility
{
    [Theory]
    [InlineData("US")]
    [InlineData("CA")]
    [InlineData("MX")]
    [InlineData("GB")]
    [InlineData("IE")]
    [InlineData("DE")]
    [InlineData("ES")]
    [InlineData("PT")]
    [InlineData("AR")]
    [InlineData("CO")]
    [InlineData("us")] // the contract says upper case; lower case is still the same country
    public void A_request_from_a_service_country_is_eligible(string country)
    {
        var outcome = Requests.Strong().WithPerson(p => p with { Country = country }).Evaluate();

        Assert.True(outcome.Eligible);
    }

    [Theory]
    [InlineData("FR")]
    [InlineData("BR")]
    [InlineData("UK")] // not the ISO code of the United Kingdom
    [InlineData("")]
    [InlineData("USA")]
    public void A_request_from_outside_the_service_countries_is_not_eligible(string country)
    {
        var outcome = Requests.Strong().WithPerson(p => p with { Country = country }).Evaluate();

        Assert.False(outcome.Eligible);
        Assert.Equal(["country_not_served"], outcome.DisqualificationRules());
    }
}
