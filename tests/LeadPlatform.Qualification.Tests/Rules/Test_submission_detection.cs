using System.Globalization;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Test_submission_detection
{
    [Theory]
    [InlineData("ana@example.com")]
    [InlineData("ana@EXAMPLE.ORG")]
    [InlineData("ana@example.net")]
    [InlineData("ana@mail.example.com")]
    [InlineData("ana@clinic.test")]
    [InlineData("ana@site.example")]
    [InlineData("ana@foo.invalid")]
    [InlineData("ana@test.com")]
    [InlineData("ana@test.clinic.es")]
    public void An_email_on_a_domain_reserved_for_examples_and_tests_is_a_test_submission(string email)
    {
        var outcome = Requests.Strong().WithEmail(email).Evaluate();

        Assert.False(outcome.Eligible);
        Assert.Equal(["test_email_domain"], outcome.DisqualificationRules());
    }

    [Theory]
    [InlineData("x.y@mailinator.com")]
    [InlineData("x.y@MAILINATOR.COM")]
    [InlineData("x.y@eu.mailinator.com")]
    [InlineData("x.y@yopmail.com")]
    [InlineData("x.y@guerrillamail.com")]
    [InlineData("x.y@10minutemail.com")]
    public void An_email_on_a_throwaway_mail_service_disqualifies(string email)
    {
        var outcome = Requests.Strong().WithEmail(email).Evaluate();

        Assert.False(outcome.Eligible);
        Assert.Equal(["throwaway_email_domain"], outcome.DisqualificationRules());
    }

    [Theory]
    [InlineData("test@gmail.com")]
    [InlineData("Test123@gmail.com")]
    [InlineData("asdf+quote@gmail.com")]
    [InlineData("qwerty@outlook.com")]
    public void A_placeholder_email_address_disqualifies(string email)
    {
        var outcome = Requests.Strong().WithEmail(email).Evaluate();

        Assert.False(outcome.Eligible);
        Assert.Equal(["placeholder_email"], outcome.DisqualificationRules());
    }

    [Theory]
    [InlineData("ana@examples.com")]
    [InlineData("ana@myexample.com")]
    [InlineData("ana@contest.es")]
    [InlineData("ana@testing.de")]
    [InlineData("ana@example.com.mx")]
    [InlineData("ana@mailinator.company.com")]
    [InlineData("testa.family@gmail.com")]
    [InlineData("contest@gmail.com")]
    [InlineData("tester.lopez@gmail.com")]
    public void Honest_addresses_that_look_close_to_test_ones_pass(string email)
    {
        var outcome = Requests.Strong().WithEmail(email).Evaluate();

        Assert.True(outcome.Eligible, string.Join(", ", outcome.DisqualificationRules()));
    }

    [Theory]
    [InlineData("Test", "Fernández")]
    [InlineData("Lucía", "test")]
    [InlineData("TESTING", "Fernández")]
    [InlineData("Test1", "Fernández")]
    [InlineData("asdf", "asdf")]
    [InlineData("Asdfgh", "Fernández")]
    [InlineData("Lucía", "Qwerty")]
    [InlineData("John", "Doe")]
    [InlineData("jane", "DOE")]
    [InlineData("Mickey", "Mouse")]
    [InlineData("Donald", "Duck")]
    [InlineData("Aaa", "Fernández")]
    [InlineData("Lucía", "Xxxx")]
    [InlineData("Jjj", "Fernández")]
    [InlineData("Lucía", "")]
    [InlineData("  ", "Fernández")]
    [InlineData("N/A", "Fernández")]
    public void A_placeholder_name_is_a_fake_submission(string first, string last)
    {
        var outcome = Requests.Strong().WithName(first, last).Evaluate();

        Assert.False(outcome.Eligible);
        Assert.Equal(["placeholder_name"], outcome.DisqualificationRules());
    }

    [Theory]
    [InlineData("Maria", "Testa")]
    [InlineData("Zoë", "Testaverde")]
    [InlineData("Tess", "Testerman")]
    [InlineData("Aaron", "Llewellyn")]
    [InlineData("Johnny", "Doe")]
    [InlineData("John", "Doerr")]
    [InlineData("Mickey", "Rourke")]
    [InlineData("Donald", "Duckworth")]
    [InlineData("Ingrid", "Aa")]
    [InlineData("Wei", "Ng")]
    [InlineData("Björn", "Åström")]
    [InlineData("J", "Smith")]
    [InlineData("Anne-Marie", "O'Neill")]
    [InlineData("Sun", "Li")]
    public void Honest_names_that_look_close_to_placeholders_pass(string first, string last)
    {
        var outcome = Requests.Strong().WithName(first, last).Evaluate();

        Assert.True(outcome.Eligible, string.Join(", ", outcome.DisqualificationRules()));
    }

    [Fact]
    public void Placeholder_detection_does_not_depend_on_the_current_culture()
    {
        var request = Requests.Strong().WithName("TEST", "Fernández").WithEmail("LUCIA@MAILINATOR.COM");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR"); // "I".ToLower() is "ı" here
            var outcome = request.Evaluate();

            Assert.Equal(["throwaway_email_domain", "placeholder_name"], outcome.DisqualificationRules());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Every_problem_with_a_request_is_reported_not_just_the_first()
    {
        var outcome = Requests.Strong()
            .WithName("Mickey", "Mouse")
            .WithEmail("test@example.com")
            .WithPerson(p => p with { Age = 15, DateOfBirth = null, Country = "FR", Phone = null })
            .WithConsent(email: false, sms: false, phone: false)
            .Evaluate();

        Assert.Equal(
            ["under_18", "no_usable_contact_channel", "country_not_served", "test_email_domain", "placeholder_email", "placeholder_name"],
            outcome.DisqualificationRules());
        Assert.All(outcome.Disqualifications, d => Assert.False(string.IsNullOrWhiteSpace(d.Text)));
    }
}
