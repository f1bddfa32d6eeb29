namespace LeadPlatform.Compliance.Tests;

public sealed class Frequency_cap
{
    private static readonly DateTimeOffset Now = GateKit.NoonInNewYork;

    private static LeadComplianceFacts WithHistory(params (OutreachChannel Channel, double HoursAgo)[] history)
        => GateKit.Facts() with { RecentOutreach = [.. history.Select(h => new PriorOutreach(h.Channel, Now.AddHours(-h.HoursAgo)))] };

    [Fact]
    public void Allows_a_third_attempt_on_a_channel_within_a_day()
    {
        var facts = WithHistory((OutreachChannel.Sms, 20), (OutreachChannel.Sms, 1));

        Assert.True(GateKit.Gate(Now).Check(GateKit.Draft(OutreachChannel.Sms), facts).Cleared);
    }

    [Fact]
    public void Blocks_a_fourth_attempt_within_24_hours_and_says_when_the_next_is_allowed()
    {
        var facts = WithHistory((OutreachChannel.Sms, 20), (OutreachChannel.Sms, 10), (OutreachChannel.Sms, 1));

        var decision = GateKit.Gate(Now).Check(GateKit.Draft(OutreachChannel.Sms), facts);

        Assert.Equal([ComplianceRules.FrequencyCap], decision.Rules());
        Assert.Equal(Now.AddHours(4), decision.NextAllowedAt); // when the oldest of the three is 24 hours old
    }

    [Fact]
    public void Counts_only_the_same_channel_and_only_the_last_24_hours()
    {
        var facts = WithHistory((OutreachChannel.Email, 3), (OutreachChannel.Email, 2), (OutreachChannel.Email, 1), (OutreachChannel.Sms, 30), (OutreachChannel.Sms, 25));

        Assert.True(GateKit.Gate(Now).Check(GateKit.Draft(OutreachChannel.Sms), facts).Cleared);
        Assert.Contains(ComplianceRules.FrequencyCap, GateKit.Gate(Now).Check(GateKit.Draft(OutreachChannel.Email), facts).Rules());
    }

    [Fact]
    public void Is_configurable()
    {
        var gate = ComplianceGate.CreateDefault(GateKit.Clock(Now), new ComplianceOptions { MaxAttemptsPerChannel = 1 });

        var decision = gate.Check(GateKit.Draft(OutreachChannel.Email), WithHistory((OutreachChannel.Email, 5)));

        Assert.Equal([ComplianceRules.FrequencyCap], decision.Rules());
        Assert.Equal(Now.AddHours(19), decision.NextAllowedAt);
    }

    [Fact]
    public void Schedules_past_quiet_hours_when_the_cap_lifts_at_night()
    {
        // The oldest attempt was 14 hours ago, so the cap lifts at 02:00 UTC = 22:00 in New York: next is 08:00 EDT.
        var facts = WithHistory((OutreachChannel.Sms, 14), (OutreachChannel.Sms, 2), (OutreachChannel.Sms, 1));

        var decision = GateKit.Gate(Now).Check(GateKit.Draft(OutreachChannel.Sms), facts);

        Assert.Equal(new DateTimeOffset(2025, 6, 11, 12, 0, 0, TimeSpan.Zero), decision.NextAllowedAt);
    }

    [Fact]
    public void Offers_no_retry_time_when_something_other_than_timing_also_blocks()
    {
        var facts = WithHistory((OutreachChannel.Sms, 3), (OutreachChannel.Sms, 2), (OutreachChannel.Sms, 1)) with { OptOuts = [OptOutScope.Sms] };

        Assert.Null(GateKit.Gate(Now).Check(GateKit.Draft(OutreachChannel.Sms), facts).NextAllowedAt);
    }
}
