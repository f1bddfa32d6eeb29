using LeadPlatform.FollowUp.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>
/// Due times by tier with the defaults (A 15 minutes, B 4 business hours, C the next business day; Monday–Friday
/// 09:00–17:00) in the clinic's time zone. 2026-11-24 is a Tuesday; US clocks went forward on 2026-03-08 and back on
/// 2026-11-01, Europe's forward on 2026-03-29.
/// </summary>
public sealed class Counting_SLA_due_times
{
    [Theory]
    // A: wall-clock minutes, nights and weekends included.
    [InlineData("A", "2026-11-24T10:00:00-08:00", "2026-11-24T10:15:00-08:00")]
    [InlineData("A", "2026-11-28T23:00:00-08:00", "2026-11-28T23:15:00-08:00")] // Saturday night
    // B: four hours inside business hours.
    [InlineData("B", "2026-11-24T10:00:00-08:00", "2026-11-24T14:00:00-08:00")]
    [InlineData("B", "2026-11-24T15:00:00-08:00", "2026-11-25T11:00:00-08:00")] // two hours today, two tomorrow
    [InlineData("B", "2026-11-24T18:30:00-08:00", "2026-11-25T13:00:00-08:00")] // evening: the clock starts at opening
    [InlineData("B", "2026-11-24T07:00:00-08:00", "2026-11-24T13:00:00-08:00")] // before opening
    [InlineData("B", "2026-11-27T16:00:00-08:00", "2026-11-30T12:00:00-08:00")] // Friday afternoon: Monday noon
    [InlineData("B", "2026-11-28T12:00:00-08:00", "2026-11-30T13:00:00-08:00")] // Saturday
    [InlineData("B", "2026-11-24T13:00:00-08:00", "2026-11-24T17:00:00-08:00")] // exactly at closing
    // C: closing time of the next business day.
    [InlineData("C", "2026-11-24T10:00:00-08:00", "2026-11-25T17:00:00-08:00")]
    [InlineData("C", "2026-11-27T10:00:00-08:00", "2026-11-30T17:00:00-08:00")] // Friday: Monday
    [InlineData("C", "2026-11-28T10:00:00-08:00", "2026-11-30T17:00:00-08:00")] // Saturday: Monday
    [InlineData("C", "2026-11-29T23:59:00-08:00", "2026-11-30T17:00:00-08:00")] // Sunday night: Monday
    [InlineData("C", "2026-11-25T01:30:00Z", "2026-11-25T17:00:00-08:00")] // Wednesday in UTC is still Tuesday evening at the clinic
    // Daylight-saving changes over the weekend: Monday's hours are in Monday's offset.
    [InlineData("B", "2026-03-06T15:00:00-08:00", "2026-03-09T11:00:00-07:00")]
    [InlineData("C", "2026-10-30T12:00:00-07:00", "2026-11-02T17:00:00-08:00")]
    [InlineData("A", "2026-03-08T01:50:00-08:00", "2026-03-08T03:05:00-07:00")] // 15 real minutes across the skipped hour
    public void A_task_is_due_by_its_tier_s_SLA_in_the_clinic_s_time(string tier, string qualifiedAt, string expected)
    {
        var clock = Clock(new FollowUpOptions { ClinicTimeZone = "America/Los_Angeles" });

        var due = clock.DueAt(tier, DateTimeOffset.Parse(qualifiedAt));

        Assert.Equal(DateTimeOffset.Parse(expected), due);
    }

    [Theory]
    [InlineData("B", "2026-03-27T16:00:00+01:00", "2026-03-30T12:00:00+02:00")] // Berlin's clocks go forward on Sunday
    [InlineData("C", "2026-03-27T16:00:00+01:00", "2026-03-30T17:00:00+02:00")]
    public void The_clinic_s_own_time_zone_is_used(string tier, string qualifiedAt, string expected)
    {
        var clock = Clock(new FollowUpOptions { ClinicTimeZone = "Europe/Berlin" });

        Assert.Equal(DateTimeOffset.Parse(expected), clock.DueAt(tier, DateTimeOffset.Parse(qualifiedAt)));
    }

    [Theory]
    [InlineData("B", "2026-12-24T16:00:00-08:00", "2026-12-28T12:00:00-08:00")] // Christmas Day off: Monday
    [InlineData("C", "2026-12-24T10:00:00-08:00", "2026-12-28T17:00:00-08:00")]
    public void Holidays_have_no_business_hours(string tier, string qualifiedAt, string expected)
    {
        var options = new FollowUpOptions { ClinicTimeZone = "America/Los_Angeles" };
        options.BusinessHours.Holidays.Add(new DateOnly(2026, 12, 25));

        Assert.Equal(DateTimeOffset.Parse(expected), Clock(options).DueAt(tier, DateTimeOffset.Parse(qualifiedAt)));
    }

    [Fact]
    public void Business_hours_days_and_each_tier_s_SLA_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUp:ClinicTimeZone"] = "America/New_York",
            ["FollowUp:BusinessHours:Open"] = "08:00",
            ["FollowUp:BusinessHours:Close"] = "12:00",
            ["FollowUp:BusinessHours:Days:0"] = "Saturday",
            ["FollowUp:Sla:A"] = "00:30:00",
            ["FollowUp:SlaBasis:A"] = "BusinessHours",
            ["FollowUp:Sla:C"] = "2.00:00:00",
        }).Build();
        var options = configuration.GetSection("FollowUp").Get<FollowUpOptions>()!;
        var clock = Clock(options);

        // Only Saturdays 08:00–12:00 in New York: a Tuesday lead's half hour is next Saturday morning.
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T08:30:00-05:00"), clock.DueAt("A", DateTimeOffset.Parse("2026-11-24T10:00:00-05:00")));
        Assert.Equal(DateTimeOffset.Parse("2026-12-05T12:00:00-05:00"), clock.DueAt("C", DateTimeOffset.Parse("2026-11-24T10:00:00-05:00")));
        Assert.Equal([DayOfWeek.Saturday], options.BusinessHours.WorkingDays);
    }

    [Fact]
    public void An_unknown_clinic_time_zone_is_refused_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Clock(new FollowUpOptions { ClinicTimeZone = "Mars/Olympus_Mons" }));

        Assert.Contains("FollowUp:ClinicTimeZone", error.Message, StringComparison.Ordinal);
    }

    private static SlaClock Clock(FollowUpOptions options) => new(Options.Create(options));
}
