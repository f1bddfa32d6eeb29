namespace LeadPlatform.Compliance.Tests;

public sealed class Quiet_hours
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ComplianceDecision TextAt(DateTimeOffset at, LeadComplianceFacts? facts = null, OutreachChannel channel = OutreachChannel.Sms)
        => GateKit.Gate(at).Check(GateKit.Draft(channel), facts ?? GateKit.Facts());

    [Fact]
    public void Allow_a_text_at_eight_in_the_morning_new_york_time_on_the_day_clocks_spring_forward()
    {
        // 9 March 2025: New York moves from UTC-5 to UTC-4 at 02:00. 08:00 EDT is 12:00 UTC.
        var early = TextAt(Utc(2025, 3, 9, 11, 59));
        Assert.Equal([ComplianceRules.QuietHours], early.Rules());
        Assert.Equal(Utc(2025, 3, 9, 12, 0), early.NextAllowedAt);

        Assert.True(TextAt(Utc(2025, 3, 9, 12, 0)).Cleared);
    }

    [Fact]
    public void Schedule_a_late_evening_text_for_the_next_morning_across_the_spring_forward_change()
    {
        // Saturday 8 March 2025, 21:30 EST (02:30 UTC on the 9th): the next 08:00 is already EDT, so 12:00 UTC, not 13:00.
        var decision = TextAt(Utc(2025, 3, 9, 2, 30));

        Assert.Equal("blocked", decision.Decision);
        Assert.Equal(Utc(2025, 3, 9, 12, 0), decision.NextAllowedAt);
        Assert.Null(decision.Outreach);
    }

    [Fact]
    public void Respect_eight_in_the_morning_new_york_time_after_clocks_fall_back()
    {
        // 2 November 2025: back to UTC-5. 12:30 UTC is 07:30 EST; 08:00 EST is 13:00 UTC.
        var decision = TextAt(Utc(2025, 11, 2, 12, 30));

        Assert.Equal([ComplianceRules.QuietHours], decision.Rules());
        Assert.Equal(Utc(2025, 11, 2, 13, 0), decision.NextAllowedAt);
    }

    // Issue 16 changed this deliberately: the single product window (08:00-20:00) gave way to the contact rule table,
    // where New York has the federal TCPA's 08:00-21:00 (Florida and Oklahoma keep 20:00, see Contact_rule_table).
    [Fact]
    public void Stop_at_nine_in_the_evening_local_time_in_new_york()
    {
        Assert.True(TextAt(Utc(2025, 6, 11, 0, 59)).Cleared); // 20:59 EDT
        var late = TextAt(Utc(2025, 6, 11, 1, 0));              // 21:00 EDT
        Assert.Equal([ComplianceRules.QuietHours], late.Rules());
        Assert.Equal(Utc(2025, 6, 11, 12, 0), late.NextAllowedAt);
    }

    [Fact]
    public void Follow_the_european_dst_change_for_a_lead_in_germany()
    {
        var berlin = GateKit.Facts(country: "DE", postalCode: "10115", phone: "+4915123456789") with { ConsentedPhone = "+4915123456789" };
        OutreachDraft Draft() => GateKit.Draft(OutreachChannel.Phone) with { Recipient = "+4915123456789" };

        // Saturday 29 March 2025, CET (UTC+1): 08:00 is 07:00 UTC.
        var before = GateKit.Gate(Utc(2025, 3, 29, 6, 30)).Check(Draft(), berlin);
        Assert.Equal(Utc(2025, 3, 29, 7, 0), before.NextAllowedAt);

        // Sunday 30 March 2025, CEST (UTC+2): 08:00 is 06:00 UTC.
        var after = GateKit.Gate(Utc(2025, 3, 30, 5, 30)).Check(Draft(), berlin);
        Assert.Equal(Utc(2025, 3, 30, 6, 0), after.NextAllowedAt);
        Assert.True(GateKit.Gate(Utc(2025, 3, 30, 6, 0)).Check(Draft(), berlin).Cleared);
    }

    [Fact]
    public void Follow_the_uk_autumn_change_for_a_lead_in_london()
    {
        // A UK mobile: a US number would add the US rules and New York's hours.
        const string UkMobile = "+447400123456";
        var london = GateKit.Facts(country: "GB", postalCode: "SW1A 1AA", phone: UkMobile);
        ComplianceDecision At(DateTimeOffset at) => GateKit.Gate(at).Check(GateKit.Draft(OutreachChannel.Sms) with { Recipient = UkMobile }, london);

        Assert.True(At(Utc(2025, 10, 25, 7, 30)).Cleared);                 // 08:30 BST
        Assert.Equal(Utc(2025, 10, 26, 8, 0), At(Utc(2025, 10, 26, 7, 30)).NextAllowedAt); // 07:30 GMT
    }

    [Fact]
    public void Use_only_hours_safe_in_every_zone_when_the_zip_code_straddles_a_zone_line()
    {
        // Indiana (ZIP 46xxx) is split between Eastern and Central time: 08:30 Eastern is 07:30 Central.
        var indiana = GateKit.Facts(postalCode: "46204");

        var decision = TextAt(Utc(2025, 6, 10, 12, 30), indiana);

        Assert.Equal([ComplianceRules.QuietHours], decision.Rules());
        Assert.Equal(Utc(2025, 6, 10, 13, 0), decision.NextAllowedAt); // 09:00 Eastern = 08:00 Central
        Assert.True(TextAt(Utc(2025, 6, 10, 23, 30), indiana).Cleared);  // 19:30 Eastern, 18:30 Central
    }

    [Fact]
    public void Read_the_time_zone_from_the_postal_code_before_the_phone_number()
    {
        // A New Jersey mobile number, but the lead lives in Los Angeles (ZIP 90012): 09:00 in New York is 06:00 there.
        var decision = TextAt(Utc(2025, 6, 10, 13, 0), GateKit.Facts(postalCode: "90012"));

        Assert.Equal([ComplianceRules.QuietHours], decision.Rules());
        Assert.Equal(Utc(2025, 6, 10, 15, 0), decision.NextAllowedAt);
    }

    [Fact]
    public void Fall_back_to_the_phone_numbers_region_when_the_address_cannot_be_mapped()
    {
        // No postal code; the US has several zones; the +1 201 number is in New Jersey (Eastern).
        var decision = TextAt(Utc(2025, 6, 10, 11, 30), GateKit.Facts(postalCode: null));

        Assert.Equal(Utc(2025, 6, 10, 12, 0), decision.NextAllowedAt);
    }

    // Issue 16: each lead now has a phone number of their own country (the New Jersey number of GateKit would add the US
    // rules and New York's hours), and Spain's and Canada's rows of the contact rule table open at 09:00.
    [Theory]
    [InlineData("ES", "28013", "+34612345678", "2025-01-15T06:30Z", "2025-01-15T08:00Z")] // Madrid, CET (UTC+1), 09:00
    [InlineData("ES", "35001", "+34612345678", "2025-01-15T07:30Z", "2025-01-15T09:00Z")] // Las Palmas, Canary Islands, WET (UTC+0), 09:00
    [InlineData("AU", "2000", "+61412345678", "2025-01-14T20:30Z", "2025-01-14T21:00Z")]  // Sydney, AEDT (UTC+11)
    [InlineData("AU", "6000", "+61412345678", "2025-01-14T23:30Z", "2025-01-15T00:00Z")]  // Perth, AWST (UTC+8)
    [InlineData("CA", "V6B 1A1", "+16045550123", "2025-01-15T15:30Z", "2025-01-15T17:00Z")] // BC: Pacific and Mountain areas, 09:00 Pacific is safe in both
    public void Map_postal_codes_in_multi_zone_countries_to_the_right_local_morning(string country, string postalCode, string phone, string at, string expected)
    {
        var draft = GateKit.Draft(OutreachChannel.Sms) with { Recipient = phone };
        var decision = GateKit.Gate(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture))
            .Check(draft, GateKit.Facts(country: country, postalCode: postalCode, phone: phone));

        Assert.Equal([ComplianceRules.QuietHours], decision.Rules());
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decision.NextAllowedAt);
    }

    [Fact]
    public void Block_a_text_when_no_time_zone_can_be_found_and_offer_no_time_to_retry()
    {
        var unknown = GateKit.Facts(country: "ZZ", postalCode: null) with { ConsentedPhone = "+999123" };
        var draft = GateKit.Draft(OutreachChannel.Sms) with { Recipient = "+999123" };

        var decision = GateKit.Gate().Check(draft, unknown);

        Assert.Contains(ComplianceRules.TimeZoneUnknown, decision.Rules());
        Assert.Null(decision.NextAllowedAt);
        Assert.Null(decision.Outreach);
    }

    [Fact]
    public void Do_not_apply_to_email()
    {
        Assert.True(TextAt(Utc(2025, 6, 10, 7, 0), channel: OutreachChannel.Email).Cleared); // 03:00 in New York
    }

    [Fact]
    public void Make_a_clearance_lapse_when_calling_hours_end()
    {
        var decision = TextAt(Utc(2025, 6, 11, 0, 55)); // 20:55 EDT (the TCPA's 21:00 in New York)

        Assert.Equal(Utc(2025, 6, 11, 1, 0), decision.Outreach!.ValidUntil);
        Assert.False(decision.Outreach.IsValidAt(Utc(2025, 6, 11, 1, 1)));
    }
}
