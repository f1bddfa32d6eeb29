namespace LeadPlatform.Compliance.Tests.ContactRules;

/// <summary>Table-driven: the lead's location and the moment decide whether a text or call may go, by which rule, and when next.</summary>
public sealed class Contact_rule_table
{
    private const string NewYork = "+12125550123";
    private const string Miami = "+13055550123";
    private const string OklahomaCity = "+14055550123";
    private const string Berlin = "+4915123456789";

    private static readonly ContactRuleEvaluator Rules = ContactRuleEvaluator.Default;

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ContactLocation At(string? country, string? postal, string? phone) => new() { Country = country, PostalCode = postal, Phone = phone };

    public sealed record Case(string Name, ContactLocation Location, DateTimeOffset Now, bool Allowed, string DecidedBy, DateTimeOffset? NextAllowedAt)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Windows() =>
    [
        // Federal TCPA, New York (EDT = UTC-4 in June)
        new Case("federal: 20:30 in New York is allowed", At("US", "10001", NewYork), Utc(2025, 6, 11, 0, 30), true, "us.tcpa.calling-hours@1", null),
        new Case("federal: 21:00 in New York is blocked until 08:00", At("US", "10001", NewYork), Utc(2025, 6, 11, 1, 0), false, "us.tcpa.calling-hours@1", Utc(2025, 6, 11, 12, 0)),
        new Case("federal: 07:59 in New York is blocked until 08:00", At("US", "10001", NewYork), Utc(2025, 6, 10, 11, 59), false, "us.tcpa.calling-hours@1", Utc(2025, 6, 10, 12, 0)),
        // Florida FTSA (Miami, EDT)
        new Case("florida: 19:59 in Miami is allowed, the FTSA deciding", At("US", "33101", Miami), Utc(2025, 6, 10, 23, 59), true, "us-fl.ftsa@1", null),
        new Case("florida: 20:00 in Miami is blocked by the FTSA", At("US", "33101", Miami), Utc(2025, 6, 11, 0, 0), false, "us-fl.ftsa@1", Utc(2025, 6, 11, 12, 0)),
        new Case("florida: 20:30 in Miami is blocked by the FTSA though the TCPA allows it", At("US", "33101", Miami), Utc(2025, 6, 11, 0, 30), false, "us-fl.ftsa@1", Utc(2025, 6, 11, 12, 0)),
        // Oklahoma OTSA (Oklahoma City, CDT = UTC-5)
        new Case("oklahoma: 19:59 in Oklahoma City is allowed", At("US", "73102", OklahomaCity), Utc(2025, 6, 11, 0, 59), true, "us-ok.otsa@1", null),
        new Case("oklahoma: 20:00 in Oklahoma City is blocked by the OTSA", At("US", "73102", OklahomaCity), Utc(2025, 6, 11, 1, 0), false, "us-ok.otsa@1", Utc(2025, 6, 11, 13, 0)),
        // Default country row (Germany has no row of its own; CEST = UTC+2)
        new Case("default country: 20:30 in Berlin is allowed", At("DE", "10115", Berlin), Utc(2025, 6, 10, 18, 30), true, "default.country@1", null),
        new Case("default country: 21:00 in Berlin is blocked until 08:00", At("DE", "10115", Berlin), Utc(2025, 6, 10, 19, 0), false, "default.country@1", Utc(2025, 6, 11, 6, 0)),
        // Spring forward (9 March 2025): New York UTC-5 -> UTC-4, Chicago UTC-6 -> UTC-5
        new Case("spring forward, New York: 07:59 EDT waits for 08:00 EDT", At("US", "10001", NewYork), Utc(2025, 3, 9, 11, 59), false, "us.tcpa.calling-hours@1", Utc(2025, 3, 9, 12, 0)),
        new Case("spring forward, New York: 08:00 EDT is allowed", At("US", "10001", NewYork), Utc(2025, 3, 9, 12, 0), true, "us.tcpa.calling-hours@1", null),
        new Case("spring forward, New York: Saturday 21:30 EST waits for Sunday 08:00 EDT", At("US", "10001", NewYork), Utc(2025, 3, 9, 2, 30), false, "us.tcpa.calling-hours@1", Utc(2025, 3, 9, 12, 0)),
        new Case("spring forward, Chicago: 07:59 CDT waits for 08:00 CDT", At("US", "73102", OklahomaCity), Utc(2025, 3, 9, 12, 59), false, "us-ok.otsa@1", Utc(2025, 3, 9, 13, 0)),
        new Case("spring forward, Chicago: Saturday 20:00 CST waits for Sunday 08:00 CDT", At("US", "73102", OklahomaCity), Utc(2025, 3, 9, 2, 0), false, "us-ok.otsa@1", Utc(2025, 3, 9, 13, 0)),
        // Fall back (2 November 2025): New York UTC-4 -> UTC-5, Chicago UTC-5 -> UTC-6
        new Case("fall back, New York: 07:30 EST waits for 08:00 EST", At("US", "10001", NewYork), Utc(2025, 11, 2, 12, 30), false, "us.tcpa.calling-hours@1", Utc(2025, 11, 2, 13, 0)),
        new Case("fall back, New York: Saturday 20:59 EDT is allowed", At("US", "10001", NewYork), Utc(2025, 11, 2, 0, 59), true, "us.tcpa.calling-hours@1", null),
        new Case("fall back, Chicago: 07:30 CST waits for 08:00 CST", At("US", "73102", OklahomaCity), Utc(2025, 11, 2, 13, 30), false, "us-ok.otsa@1", Utc(2025, 11, 2, 14, 0)),
        new Case("fall back, Chicago: Sunday 19:59 CST is allowed", At("US", "73102", OklahomaCity), Utc(2025, 11, 3, 1, 59), true, "us-ok.otsa@1", null),
        new Case("fall back, Chicago: Sunday 20:00 CST is blocked", At("US", "73102", OklahomaCity), Utc(2025, 11, 3, 2, 0), false, "us-ok.otsa@1", Utc(2025, 11, 3, 14, 0)),
        // Area code and postal code disagree: both states' rules, inside both windows
        new Case("new york address, florida phone: 20:30 is blocked by the FTSA (area-code presumption)", At("US", "10001", Miami), Utc(2025, 6, 11, 0, 30), false, "us-fl.ftsa@1", Utc(2025, 6, 11, 12, 0)),
        new Case("florida address, new york phone: 20:30 is blocked by the FTSA", At("US", "33101", NewYork), Utc(2025, 6, 11, 0, 30), false, "us-fl.ftsa@1", Utc(2025, 6, 11, 12, 0)),
        new Case("oklahoma address, new york phone: 19:30 in Oklahoma but 20:30 in New York is blocked", At("US", "73102", NewYork), Utc(2025, 6, 11, 0, 30), false, "us-ok.otsa@1", Utc(2025, 6, 11, 13, 0)),
        new Case("oklahoma address, new york phone: 08:30 in New York but 07:30 in Oklahoma waits for 08:00 in Oklahoma", At("US", "73102", NewYork), Utc(2025, 6, 11, 12, 30), false, "us-ok.otsa@1", Utc(2025, 6, 11, 13, 0)),
        new Case("oklahoma address, new york phone: 09:00 in Oklahoma and 10:00 in New York is allowed", At("US", "73102", NewYork), Utc(2025, 6, 11, 14, 0), true, "us-ok.otsa@1", null),
    ];

    [Theory]
    [MemberData(nameof(Windows))]
    public void A_text_is_allowed_only_inside_the_strictest_window_and_otherwise_waits_for_the_next_one(Case c)
    {
        foreach (var channel in new[] { OutreachChannel.Sms, OutreachChannel.Phone })
        {
            var result = Rules.Evaluate(channel, c.Location, [], c.Now);

            Assert.Equal(c.Allowed, result.Allowed);
            Assert.Equal(c.DecidedBy, result.DecidedBy);
            Assert.Equal(c.NextAllowedAt, result.NextAllowedAt);
            Assert.Equal(!c.Allowed, result.BlockedByTimingOnly);
        }
    }

    [Fact]
    public void The_next_allowed_moment_is_also_given_in_the_leads_local_time()
    {
        var result = Rules.Evaluate(OutreachChannel.Sms, At("US", "73102", OklahomaCity), [], Utc(2025, 11, 2, 13, 30));

        var local = Assert.Single(result.NextAllowedLocal);
        Assert.Equal("America/Chicago", local.ZoneId);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 8, 0, 0, TimeSpan.FromHours(-6)), local.LocalTime);
        Assert.Equal(new TimeOnly(8, 0), result.WindowFrom);
        Assert.Equal(new TimeOnly(20, 0), result.WindowUntil);
    }

    [Fact]
    public void Both_states_are_named_when_the_area_code_points_to_another_state_than_the_postal_code()
    {
        var result = Rules.Evaluate(OutreachChannel.Sms, At("US", "10001", Miami), [], Utc(2025, 6, 10, 14, 0));

        Assert.True(result.Allowed);
        Assert.Contains("state:US-NY (postal code)", result.Jurisdictions);
        Assert.Contains("state:US-FL (phone area code)", result.Jurisdictions);
        Assert.Equal(["us.tcpa.calling-hours@1", "us-fl.ftsa@1"], result.AppliedRules);
    }

    public static TheoryData<string, string?, string?, string?> UnknownLocations() => new()
    {
        { "nothing at all", null, null, null },
        { "an invalid phone number only", null, null, "+1999" },
        { "a malformed country", "U", "10001", null },
    };

    [Theory]
    [MemberData(nameof(UnknownLocations))]
    public void An_unknown_location_blocks_texts_and_calls_with_the_reason_but_not_email(string why, string? country, string? postal, string? phone)
    {
        _ = why;
        foreach (var channel in new[] { OutreachChannel.Sms, OutreachChannel.Phone })
        {
            var result = Rules.Evaluate(channel, At(country, postal, phone), [], Utc(2025, 6, 10, 16, 0));
            Assert.False(result.Allowed);
            Assert.False(result.BlockedByTimingOnly);
            Assert.Null(result.NextAllowedAt);
            Assert.StartsWith(ContactRuleEvaluator.LocationUnknownRule + "@", result.DecidedBy);
            Assert.Contains("location is unknown", result.Reason);
        }

        Assert.True(Rules.Evaluate(OutreachChannel.Email, At(country, postal, phone), [], Utc(2025, 6, 10, 16, 0)).Allowed);
    }

    [Fact]
    public void An_unknown_outreach_history_blocks_a_text()
    {
        var result = Rules.Evaluate(OutreachChannel.Sms, At("US", "33101", Miami), null, Utc(2025, 6, 10, 16, 0));

        Assert.False(result.Allowed);
        Assert.StartsWith(ContactRuleEvaluator.HistoryUnknownRule + "@", result.DecidedBy);
    }
}
