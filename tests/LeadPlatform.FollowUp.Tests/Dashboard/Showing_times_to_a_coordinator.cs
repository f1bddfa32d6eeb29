using System.Globalization;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Dashboard;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

public sealed class Showing_times_to_a_coordinator
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 5, 0, TimeSpan.Zero); // 14:05 in Chicago, 12:05 in Los Angeles

    private static TimeDisplay Display(string acceptLanguage = "en-GB") => new(Chicago, TimeDisplay.CultureOf(acceptLanguage), Now);

    [Fact]
    public void The_clinic_s_clock_comes_first_with_the_lead_s_local_time_beside_it() =>
        Assert.Equal("14:05 here · 12:05 for the lead", Display().HereAndForTheLead(Now, [LosAngeles]));

    [Fact]
    public void A_lead_whose_time_zone_is_unknown_gets_only_the_clinic_s_clock() =>
        Assert.Equal("14:05 here", Display().HereAndForTheLead(Now, []));

    [Fact]
    public void Due_times_read_relative_to_now() =>
        Assert.Equal(
            ["overdue 12 min", "due in 3 h", "due now", "overdue 3 d"],
            new[] { Now.AddMinutes(-12), Now.AddHours(3).AddMinutes(10), Now.AddSeconds(20), Now.AddDays(-3) }.Select(Display().Due));

    [Fact]
    public void The_browser_s_locale_decides_the_clock_format()
    {
        Assert.Equal("2:05 PM", Display("en-US,en;q=0.9").Here(Now).Replace('\u202f', ' '));
        Assert.Equal("14:05", Display("fr-FR").Here(Now));
        Assert.Equal("14:05", Display("xx-notalanguage, de;q=0.5").Here(Now));
        Assert.Equal("de", Display("xx, de;q=0.5").Culture.Name);
    }

    [Fact]
    public void Another_day_is_dated()
    {
        var display = new TimeDisplay(Chicago, CultureInfo.GetCultureInfo("en-GB"), Now);
        Assert.Equal("Wed 2 Dec 09:00", display.Here(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_record_s_moment_is_dated_even_today_and_the_lead_s_clock_is_dated_when_their_day_differs()
    {
        Assert.Equal("Tue 1 Dec 2026 14:05 here · 12:05 for the lead", Display().DatedHereAndForTheLead(Now, [LosAngeles]));
        Assert.Equal("Tue 1 Dec 2026 14:05 here", Display().DatedHereAndForTheLead(Now, []));
        var lateEvening = new DateTimeOffset(2026, 12, 2, 5, 30, 0, TimeSpan.Zero); // 23:30 on the 1st in Chicago, 14:30 on the 2nd in Tokyo
        Assert.Equal("Tue 1 Dec 2026 23:30 here · Wed 2 Dec 2026 14:30 for the lead",
            Display().DatedHereAndForTheLead(lateEvening, [TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")]));
    }

    [Fact]
    public void The_lead_s_time_zone_comes_from_their_postal_code_as_the_gate_resolves_it() =>
        Assert.Equal(["America/New_York"], LeadTimeZones.For("US", "10001", null).Select(z => z.Id));
}
