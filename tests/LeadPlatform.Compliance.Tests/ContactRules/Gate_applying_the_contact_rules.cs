namespace LeadPlatform.Compliance.Tests.ContactRules;

/// <summary>The gate decides texts and calls by the contact rule table, and names the rule and the table version in the evidence.</summary>
public sealed class Gate_applying_the_contact_rules
{
    private const string Miami = "+13055550123";
    private const string NewYork = "+12125550123";
    private const string OklahomaCity = "+14055550123";

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string TableVersion => ContactRuleTable.Default.Version;

    private static ComplianceDecision Check(DateTimeOffset at, string postalCode, string phone, OutreachChannel channel = OutreachChannel.Sms,
        params (OutreachChannel Channel, double HoursAgo)[] history)
    {
        var facts = GateKit.Facts(postalCode: postalCode, phone: phone) with
        {
            RecentOutreach = [.. history.Select(h => new PriorOutreach(h.Channel, at.AddHours(-h.HoursAgo)))],
        };
        var draft = GateKit.Draft(channel) with { Recipient = channel == OutreachChannel.Email ? GateKit.Email : phone };
        return GateKit.Gate(at).Check(draft, facts);
    }

    private static EvidenceRuleResult ContactResult(ComplianceDecision decision)
        => Assert.Single(decision.Evidence!.RuleResults, r => r.Rule == ComplianceRules.ContactRules);

    public sealed record Case(string Name, DateTimeOffset At, string PostalCode, string Phone, string Decision, string DecidedBy, DateTimeOffset? NextAllowedAt)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new Case("federal: 20:30 in New York is cleared by the TCPA", Utc(2025, 6, 11, 0, 30), "10001", NewYork, "cleared", "us.tcpa.calling-hours@1", null),
        new Case("federal: 21:00 in New York waits for 08:00", Utc(2025, 6, 11, 1, 0), "10001", NewYork, "blocked", "us.tcpa.calling-hours@1", Utc(2025, 6, 11, 12, 0)),
        new Case("florida: 20:30 in Miami is blocked by the FTSA", Utc(2025, 6, 11, 0, 30), "33101", Miami, "blocked", "us-fl.ftsa@1", Utc(2025, 6, 11, 12, 0)),
        new Case("oklahoma: 20:00 in Oklahoma City is blocked by the OTSA", Utc(2025, 6, 11, 1, 0), "73102", OklahomaCity, "blocked", "us-ok.otsa@1", Utc(2025, 6, 11, 13, 0)),
        new Case("new york address, florida area code: 20:30 is blocked by the FTSA", Utc(2025, 6, 11, 0, 30), "10001", Miami, "blocked", "us-fl.ftsa@1", Utc(2025, 6, 11, 12, 0)),
        new Case("oklahoma address, new york phone: 07:30 in Oklahoma waits though it is 08:30 in New York", Utc(2025, 6, 11, 12, 30), "73102", NewYork, "blocked", "us-ok.otsa@1", Utc(2025, 6, 11, 13, 0)),
        new Case("spring forward: Saturday 21:30 EST waits for Sunday 08:00 EDT", Utc(2025, 3, 9, 2, 30), "10001", NewYork, "blocked", "us.tcpa.calling-hours@1", Utc(2025, 3, 9, 12, 0)),
        new Case("fall back: 07:30 EST in Miami waits for 08:00 EST", Utc(2025, 11, 2, 12, 30), "33101", Miami, "blocked", "us-fl.ftsa@1", Utc(2025, 11, 2, 13, 0)),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_text_is_decided_by_the_strictest_rule_and_the_evidence_names_it_with_the_table_version(Case c)
    {
        var decision = Check(c.At, c.PostalCode, c.Phone);

        Assert.Equal(c.Decision, decision.Decision);
        Assert.Equal(c.NextAllowedAt, decision.NextAllowedAt);
        var result = ContactResult(decision);
        Assert.Contains("decided by " + c.DecidedBy, result.Detail);
        Assert.Contains("table " + TableVersion, result.Detail);
        if (c.Decision == "blocked")
        {
            var finding = Assert.Single(decision.Violations);
            Assert.Equal(ComplianceRules.QuietHours, finding.Rule);
            Assert.Contains(c.DecidedBy, finding.Advice);
        }
    }

    [Fact]
    public void A_default_country_row_decides_for_a_lead_in_germany()
    {
        const string Berlin = "+4915123456789";
        var facts = GateKit.Facts(country: "DE", postalCode: "10115", phone: Berlin);
        var draft = GateKit.Draft(OutreachChannel.Phone) with { Recipient = Berlin };

        var late = GateKit.Gate(Utc(2025, 6, 10, 19, 0)).Check(draft, facts); // 21:00 CEST

        Assert.Equal(Utc(2025, 6, 11, 6, 0), late.NextAllowedAt);
        Assert.Contains("decided by default.country@1", ContactResult(late).Detail);
    }

    [Fact]
    public void Florida_counts_every_call_and_text_of_the_last_24_hours_across_channels()
    {
        // Two texts (the acknowledgement among them) and a call: the product's per-channel cap would allow a third text,
        // Florida's three per 24 hours does not.
        var at = GateKit.NoonInNewYork;
        var florida = Check(at, "33101", Miami, OutreachChannel.Sms, (OutreachChannel.Sms, 20), (OutreachChannel.Phone, 5), (OutreachChannel.Sms, 1));
        var newYork = Check(at, "10001", NewYork, OutreachChannel.Sms, (OutreachChannel.Sms, 20), (OutreachChannel.Phone, 5), (OutreachChannel.Sms, 1));

        Assert.Equal([ComplianceRules.FrequencyCap], florida.Rules());
        Assert.Contains("us-fl.ftsa@1", florida.Violations[0].Advice);
        Assert.Equal(at.AddHours(4), florida.NextAllowedAt); // when the text of 20 hours ago is 24 hours old
        Assert.True(newYork.Cleared);
    }

    [Fact]
    public void Florida_limits_do_not_count_emails_nor_govern_them()
    {
        var at = GateKit.NoonInNewYork;
        var decision = Check(at, "33101", Miami, OutreachChannel.Sms, (OutreachChannel.Email, 3), (OutreachChannel.Email, 2), (OutreachChannel.Sms, 1));
        var email = Check(Utc(2025, 6, 11, 3, 0), "33101", Miami, OutreachChannel.Email); // 23:00 in Miami

        Assert.True(decision.Cleared);
        Assert.True(email.Cleared);
        Assert.Contains("table " + TableVersion, ContactResult(email).Detail);
    }

    [Fact]
    public void A_cap_that_lifts_at_night_schedules_for_the_next_window_morning()
    {
        // Florida: the cap lifts 14 hours from noon (02:00 the next night), so the next moment is 08:00 EDT.
        var at = GateKit.NoonInNewYork;
        var decision = Check(at, "33101", Miami, OutreachChannel.Phone, (OutreachChannel.Sms, 10), (OutreachChannel.Phone, 2), (OutreachChannel.Sms, 1));

        Assert.Equal([ComplianceRules.FrequencyCap], decision.Rules());
        Assert.Equal(Utc(2025, 6, 11, 12, 0), decision.NextAllowedAt);
    }

    [Fact]
    public void An_unknown_location_blocks_a_text_with_the_reason_and_no_time_to_retry()
    {
        var facts = GateKit.Facts(country: "", postalCode: null, phone: "+999123");
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Sms) with { Recipient = "+999123" }, facts);

        var finding = Assert.Single(decision.Violations, v => v.Rule == ComplianceRules.TimeZoneUnknown);
        Assert.Contains(ContactRuleEvaluator.LocationUnknownRule, finding.Advice);
        Assert.Null(decision.NextAllowedAt);
        Assert.Null(decision.Outreach);
    }

    [Fact]
    public void A_gate_over_another_table_applies_it()
    {
        var json = EmbeddedJson().Replace("\"until\": \"21:00\"", "\"until\": \"19:00\"", StringComparison.Ordinal)
            .Replace(ContactRuleTable.Default.Version, "counsel-test-1", StringComparison.Ordinal);
        var table = ContactRuleTable.FromJson(json);
        var gate = ComplianceGate.CreateDefault(GateKit.Clock(Utc(2025, 6, 10, 23, 30)), new ComplianceOptions { ContactRules = table }); // 19:30 EDT

        var decision = gate.Check(GateKit.Draft(OutreachChannel.Sms), GateKit.Facts());

        Assert.Equal([ComplianceRules.QuietHours], decision.Rules());
        Assert.Contains("table counsel-test-1", ContactResult(decision).Detail);
        Assert.Equal("counsel-test-1", gate.ContactRules.Version);
    }

    [Fact]
    public void A_table_with_a_bad_row_is_refused_naming_the_field()
    {
        var json = EmbeddedJson().Replace("\"from\": \"08:00\"", "\"from\": \"8 am\"", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => ContactRuleTable.FromJson(json));

        Assert.Contains("rules[0].window.from", error.Message);
    }

    private static string EmbeddedJson()
    {
        using var stream = typeof(ContactRuleTable).Assembly.GetManifestResourceStream(
            typeof(ContactRuleTable).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("contact-rules.json", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
