namespace LeadPlatform.Compliance.Tests.ContactRules;

/// <summary>
/// Table-driven: rows whose hours differ by day of the week (contact-rules-2026.12.3): Texas (Sunday from noon),
/// Louisiana (never on Sunday), Spain (no weekends), Canada (weekends 10:00-18:00), with the strictest hours taken per
/// local day, across daylight-saving changes (US 9 March and 2 November 2025, Europe 30 March 2025).
/// </summary>
public sealed class Weekday_and_weekend_contact_hours
{
    private static readonly ContactLocation Houston = new() { Country = "US", PostalCode = "77002", Phone = "+17135550123" };
    private static readonly ContactLocation NewOrleans = new() { Country = "US", PostalCode = "70112", Phone = "+15045550123" };
    private static readonly ContactLocation Madrid = new() { Country = "ES", PostalCode = "28001", Phone = "+34912345678" };
    private static readonly ContactLocation Toronto = new() { Country = "CA", PostalCode = "M5V 2T6", Phone = "+14165550123" };

    private const string Texas = "us-tx.telephone-solicitation@1";
    private const string Louisiana = "us-la.telephone-solicitation@1";
    private const string Spain = "es.default@2";
    private const string Canada = "ca.default@2";

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public sealed record Case(string Name, ContactLocation Location, DateTimeOffset Now, bool Allowed, string DecidedBy, DateTimeOffset? NextAllowedAt)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        // Texas (CDT = UTC-5 in June): Monday to Saturday 09:00-21:00, Sunday 12:00-21:00; the TCPA's 08:00-21:00 too.
        new Case("texas: Saturday 09:00 is allowed", Houston, Utc(2025, 6, 14, 14, 0), true, Texas, null),
        new Case("texas: Saturday 08:30 waits for 09:00 though the TCPA allows it", Houston, Utc(2025, 6, 14, 13, 30), false, Texas, Utc(2025, 6, 14, 14, 0)),
        new Case("texas: Sunday 10:00 waits for noon", Houston, Utc(2025, 6, 15, 15, 0), false, Texas, Utc(2025, 6, 15, 17, 0)),
        new Case("texas: Sunday 12:00 is allowed", Houston, Utc(2025, 6, 15, 17, 0), true, Texas, null),
        new Case("texas: Saturday 21:30 waits for Sunday noon, not 09:00", Houston, Utc(2025, 6, 15, 2, 30), false, Texas, Utc(2025, 6, 15, 17, 0)),
        new Case("texas, spring forward: Saturday 21:00 CST waits for Sunday 12:00 CDT", Houston, Utc(2025, 3, 9, 3, 0), false, Texas, Utc(2025, 3, 9, 17, 0)),
        new Case("texas, spring forward: Sunday 11:59 CDT waits a minute", Houston, Utc(2025, 3, 9, 16, 59), false, Texas, Utc(2025, 3, 9, 17, 0)),
        // Louisiana: 08:00-20:00, never on Sunday.
        new Case("louisiana: Saturday 19:59 is allowed", NewOrleans, Utc(2025, 6, 15, 0, 59), true, Louisiana, null),
        new Case("louisiana: Saturday 20:00 waits for Monday 08:00", NewOrleans, Utc(2025, 6, 15, 1, 0), false, Louisiana, Utc(2025, 6, 16, 13, 0)),
        new Case("louisiana: Sunday noon waits for Monday 08:00", NewOrleans, Utc(2025, 6, 15, 17, 0), false, Louisiana, Utc(2025, 6, 16, 13, 0)),
        new Case("louisiana, fall back: Saturday 20:30 CDT waits for Monday 08:00 CST", NewOrleans, Utc(2025, 11, 2, 1, 30), false, Louisiana, Utc(2025, 11, 3, 14, 0)),
        // Spain (CEST = UTC+2 in June): weekdays 09:00-21:00, no weekends.
        new Case("spain: Friday 20:59 is allowed", Madrid, Utc(2025, 6, 13, 18, 59), true, Spain, null),
        new Case("spain: Friday 21:00 waits for Monday 09:00", Madrid, Utc(2025, 6, 13, 19, 0), false, Spain, Utc(2025, 6, 16, 7, 0)),
        new Case("spain: Saturday noon waits for Monday 09:00", Madrid, Utc(2025, 6, 14, 10, 0), false, Spain, Utc(2025, 6, 16, 7, 0)),
        new Case("spain, spring forward: Friday 21:30 CET waits for Monday 09:00 CEST", Madrid, Utc(2025, 3, 28, 20, 30), false, Spain, Utc(2025, 3, 31, 7, 0)),
        // Canada (Toronto, EDT = UTC-4 in June): weekdays 09:00-21:30, weekends 10:00-18:00.
        new Case("canada: Friday 21:15 is allowed", Toronto, Utc(2025, 6, 14, 1, 15), true, Canada, null),
        new Case("canada: Saturday 09:30 waits for 10:00", Toronto, Utc(2025, 6, 14, 13, 30), false, Canada, Utc(2025, 6, 14, 14, 0)),
        new Case("canada: Saturday 18:00 waits for Sunday 10:00", Toronto, Utc(2025, 6, 14, 22, 0), false, Canada, Utc(2025, 6, 15, 14, 0)),
        new Case("canada: Sunday 18:00 waits for Monday 09:00", Toronto, Utc(2025, 6, 15, 22, 0), false, Canada, Utc(2025, 6, 16, 13, 0)),
        new Case("canada, fall back: Saturday 18:30 EDT waits for Sunday 10:00 EST", Toronto, Utc(2025, 11, 1, 22, 30), false, Canada, Utc(2025, 11, 2, 15, 0)),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_day_has_its_own_strictest_hours_and_a_closed_day_waits_for_the_next_open_one(Case c)
    {
        foreach (var channel in new[] { OutreachChannel.Sms, OutreachChannel.Phone })
        {
            var result = ContactRuleEvaluator.Default.Evaluate(channel, c.Location, [], c.Now);

            Assert.Equal(c.Allowed, result.Allowed);
            Assert.Equal(c.DecidedBy, result.DecidedBy);
            Assert.Equal(c.NextAllowedAt, result.NextAllowedAt);
            Assert.Equal(!c.Allowed, result.BlockedByTimingOnly);
        }
    }

    [Fact]
    public void A_closed_day_is_named_in_the_reason()
    {
        var result = ContactRuleEvaluator.Default.Evaluate(OutreachChannel.Sms, NewOrleans, [], Utc(2025, 6, 15, 17, 0));

        Assert.Contains("No contact on Sunday", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_day_hours_keep_their_sources_marked_unverified()
    {
        var rows = ContactRuleTable.Default.Rules.Where(r => r.Days.Count > 0).ToList();

        Assert.Equal(["us-tx.telephone-solicitation", "us-la.telephone-solicitation", "ca.default", "es.default"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal("unverified", r.Verification));
    }

    [Theory]
    [InlineData("\"days\": { \"funday\": { \"closed\": true } }", "window.days.funday", "is not a day")]
    [InlineData("\"days\": { \"sunday\": { \"from\": \"14:00\", \"until\": \"12:00\" } }", "window.days.sunday", "must be before")]
    [InlineData("\"days\": { \"sunday\": { \"from\": \"noon\", \"until\": \"21:00\" } }", "window.days.sunday.from", "is not a time")]
    public void A_bad_day_in_a_row_is_refused_naming_the_field(string days, string field, string problem)
    {
        var json = EmbeddedJson().Replace("\"from\": \"08:00\",\n        \"until\": \"21:00\"", "\"from\": \"08:00\",\n        \"until\": \"21:00\",\n        " + days, StringComparison.Ordinal);
        Assert.NotEqual(EmbeddedJson(), json);

        var error = Assert.Throws<FormatException>(() => ContactRuleTable.FromJson(json));

        Assert.Contains($"rules[0].{field}", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static string EmbeddedJson()
    {
        using var stream = typeof(ContactRuleTable).Assembly.GetManifestResourceStream(
            typeof(ContactRuleTable).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("contact-rules.json", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
