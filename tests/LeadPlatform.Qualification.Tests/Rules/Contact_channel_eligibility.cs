using Xunit;

namespace LeadPlatform.Qualification.Tests.Rules;

public sealed class Contact_channel_eligibility
{
    private const string Email = "lucia.fernandez@mailbox.org";
    private const string Phone = "+34612345678";

    [Theory]
    // email, phone, email consent, SMS consent, phone consent, usable?
    [InlineData(Email, null, true, false, false, true)]
    [InlineData(null, Phone, false, true, false, true)]
    [InlineData(null, Phone, false, false, true, true)]
    [InlineData(Email, Phone, false, true, false, true)]
    [InlineData(Email, Phone, false, false, false, false)] // valid addresses, no consent at all
    [InlineData(Email, null, false, true, true, false)]    // consent for SMS and phone, but no phone number
    [InlineData(null, Phone, true, false, false, false)]   // consent for email, but no email address
    [InlineData(null, null, true, true, true, false)]      // consent everywhere, nowhere to reach
    [InlineData("lucia.fernandez@", null, true, false, false, false)]
    [InlineData("lucia.fernandez mailbox.org", null, true, false, false, false)]
    [InlineData("lucia@mailbox", null, true, false, false, false)]
    [InlineData(null, "612345678", false, true, true, false)]   // not E.164
    [InlineData(null, "+0612345678", false, true, true, false)] // E.164 never starts with 0
    [InlineData(null, "+34 612 345 678", false, true, true, false)]
    [InlineData(null, "+123456", false, true, true, false)]     // too short
    [InlineData(null, "+1234567890123456", false, true, true, false)] // too long
    [InlineData("  lucia.fernandez@mailbox.org ", null, true, false, false, true)] // surrounding spaces are ignored
    public void A_channel_counts_only_when_its_address_is_valid_and_it_is_consented(
        string? email, string? phone, bool emailConsent, bool smsConsent, bool phoneConsent, bool usable)
    {
        var outcome = Requests.Strong()
            .WithPerson(p => p with { Email = email, Phone = phone })
            .WithConsent(emailConsent, smsConsent, phoneConsent)
            .Evaluate();

        Assert.Equal(usable, outcome.Eligible);
        Assert.Equal(usable ? [] : ["no_usable_contact_channel"], outcome.DisqualificationRules());
    }
}
