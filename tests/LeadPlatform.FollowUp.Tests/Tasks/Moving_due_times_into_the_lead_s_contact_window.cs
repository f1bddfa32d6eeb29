using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Tasks;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>The SLA due time, moved to the lead's next contact window when it falls outside it (table-driven).</summary>
public sealed class Moving_due_times_into_the_lead_s_contact_window
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public sealed record Case(string Name, string? Country, string? PostalCode, string? Phone, DateTimeOffset SlaDue, DateTimeOffset Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new Case("inside the window: unchanged (12:00 in New York)", "US", "10001", "+12125550123", Utc(2025, 6, 10, 16, 0), Utc(2025, 6, 10, 16, 0)),
        new Case("03:00 in San Francisco: moved to 08:00 there", "US", "94110", "+14155550134", Utc(2025, 6, 10, 10, 0), Utc(2025, 6, 10, 15, 0)),
        new Case("20:30 in Miami: after the FTSA's 20:00, moved to 08:00 next day", "US", "33101", "+13055550123", Utc(2025, 6, 11, 0, 30), Utc(2025, 6, 11, 12, 0)),
        new Case("new york address, oklahoma area code: 08:30 New York is 07:30 Oklahoma, moved to 08:00 there", "US", "10001", "+14055550123", Utc(2025, 6, 10, 12, 30), Utc(2025, 6, 10, 13, 0)),
        new Case("spring forward: 07:00 EDT in New York, moved to 08:00 EDT", "US", "10001", "+12125550123", Utc(2025, 3, 9, 11, 0), Utc(2025, 3, 9, 12, 0)),
        new Case("default country row: 22:00 in Berlin, moved to 08:00 CEST", "DE", "10115", "+4915123456789", Utc(2025, 6, 10, 20, 0), Utc(2025, 6, 11, 6, 0)),
        new Case("unknown location: the SLA time stands", null, null, null, Utc(2025, 6, 10, 7, 0), Utc(2025, 6, 10, 7, 0)),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_due_time_outside_the_lead_s_contact_window_moves_to_its_next_start(Case c)
    {
        var location = new ContactLocation { Country = c.Country, PostalCode = c.PostalCode, Phone = c.Phone };

        Assert.Equal(c.Expected, ContactWindowDue.Adjust(c.SlaDue, location, ContactRuleEvaluator.Default));
    }
}
