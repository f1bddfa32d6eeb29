namespace LeadPlatform.Compliance.Tests.ContactRules;

/// <summary>Florida and Oklahoma: at most 3 outbound calls and texts per rolling 24 hours, the acknowledgement included.</summary>
public sealed class Contact_frequency_limits
{
    private static readonly ContactRuleEvaluator Rules = ContactRuleEvaluator.Default;
    private static readonly ContactLocation Miami = new() { Country = "US", PostalCode = "33101", Phone = "+13055550123" };
    private static readonly ContactLocation Tulsa = new() { Country = "US", PostalCode = "74103", Phone = "+19185550123" };
    private static readonly ContactLocation NewYork = new() { Country = "US", PostalCode = "10001", Phone = "+12125550123" };

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2025, 6, day, hour, minute, 0, TimeSpan.Zero);

    private static PriorOutreach Text(DateTimeOffset at) => new(OutreachChannel.Sms, at);

    [Fact]
    public void A_fourth_text_within_24_hours_in_florida_waits_until_the_oldest_is_24_hours_old()
    {
        // The acknowledgement at 14:00 UTC counts like any other text.
        PriorOutreach[] prior = [Text(Utc(10, 14)), Text(Utc(10, 15)), new(OutreachChannel.Phone, Utc(10, 16))];

        var result = Rules.Evaluate(OutreachChannel.Sms, Miami, prior, Utc(10, 18));

        Assert.False(result.Allowed);
        Assert.True(result.BlockedByTimingOnly);
        Assert.Equal("us-fl.ftsa@1", result.DecidedBy);
        Assert.Equal(Utc(11, 14), result.NextAllowedAt);
        Assert.Contains("3 outbound calls and texts", result.Reason);
    }

    [Fact]
    public void A_limit_that_lifts_inside_the_window_allows_the_call_at_that_moment()
    {
        // Three texts at 19:50-19:52 EDT; a call at 19:55 EDT is capped until 19:50 EDT the next day, inside the window.
        PriorOutreach[] prior = [Text(Utc(10, 23, 50)), Text(Utc(10, 23, 51)), Text(Utc(10, 23, 52))];

        var result = Rules.Evaluate(OutreachChannel.Phone, Miami, prior, Utc(10, 23, 55));

        Assert.Equal("us-fl.ftsa@1", result.DecidedBy);
        Assert.Equal(Utc(11, 23, 50), result.NextAllowedAt);
    }

    [Fact]
    public void A_capped_text_outside_the_window_waits_for_both_the_limit_and_the_window()
    {
        // Texts at 08:00, 08:01, 08:02 EDT; at 21:00 EDT both the window and the cap block; the cap lifts at 08:00 EDT
        // the next day, which is also when the window opens.
        PriorOutreach[] prior = [Text(Utc(10, 12, 0)), Text(Utc(10, 12, 1)), Text(Utc(10, 12, 2))];

        var result = Rules.Evaluate(OutreachChannel.Sms, Miami, prior, Utc(11, 1, 0));

        Assert.False(result.Allowed);
        Assert.Equal(Utc(11, 12, 0), result.NextAllowedAt);
    }

    [Fact]
    public void Oklahoma_counts_calls_and_texts_together()
    {
        PriorOutreach[] prior = [new(OutreachChannel.Phone, Utc(10, 14)), Text(Utc(10, 15)), Text(Utc(10, 16))];

        var result = Rules.Evaluate(OutreachChannel.Phone, Tulsa, prior, Utc(10, 18));

        Assert.False(result.Allowed);
        Assert.Equal("us-ok.otsa@1", result.DecidedBy);
        Assert.Equal(Utc(11, 14), result.NextAllowedAt);
    }

    [Fact]
    public void Emails_and_texts_older_than_24_hours_do_not_count()
    {
        PriorOutreach[] prior = [new(OutreachChannel.Email, Utc(10, 14)), new(OutreachChannel.Email, Utc(10, 15)), Text(Utc(9, 17, 59)), Text(Utc(10, 16)), Text(Utc(10, 17))];

        Assert.True(Rules.Evaluate(OutreachChannel.Sms, Miami, prior, Utc(10, 18)).Allowed);
    }

    [Fact]
    public void New_york_has_no_state_limit_so_a_fourth_text_is_allowed()
    {
        PriorOutreach[] prior = [Text(Utc(10, 14)), Text(Utc(10, 15)), Text(Utc(10, 16))];

        var result = Rules.Evaluate(OutreachChannel.Sms, NewYork, prior, Utc(10, 18));

        Assert.True(result.Allowed);
        Assert.Equal("us.tcpa.calling-hours@1", result.DecidedBy);
    }

    [Fact]
    public void A_florida_phone_number_brings_the_florida_limit_to_a_new_york_address()
    {
        PriorOutreach[] prior = [Text(Utc(10, 14)), Text(Utc(10, 15)), Text(Utc(10, 16))];

        var result = Rules.Evaluate(OutreachChannel.Sms, NewYork with { Phone = "+13055550123" }, prior, Utc(10, 18));

        Assert.False(result.Allowed);
        Assert.Equal("us-fl.ftsa@1", result.DecidedBy);
    }
}
