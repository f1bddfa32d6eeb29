using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

public sealed class Reading_the_timeline_in_plain_words
{
    [Fact]
    public void Codes_read_as_words() =>
        Assert.Equal(["Degenerative disc disease", "Task overdue", "Quiet hours"],
            new[] { PlainWords.Code("degenerative_disc_disease"), PlainWords.Kind(TimelineKind.TaskOverdue), PlainWords.Code("quiet-hours") });

    [Fact]
    public void Summaries_lose_their_ids_hashes_and_rule_ids_and_times_read_in_the_clinic_s_clock()
    {
        var summary = PlainWords.Summary(
            "Outreach by sms blocked by the compliance check: quiet-hours, consent.missing (allowed again from 2026-12-02 16:00:00Z) evidence 0192f3a4-1b2c-7d3e-8f90-123456789abc hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            at => at.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " here");

        Assert.Equal("Outreach by sms blocked by the compliance check: quiet hours, no consent (allowed again from 16:00 here) evidence hash", summary);
    }

    [Fact]
    public void The_timeline_filter_keeps_only_its_kinds()
    {
        Assert.True(PlainWords.InFilter(TimelineKind.CallLogged, "calls"));
        Assert.False(PlainWords.InFilter(TimelineKind.Qualified, "calls"));
        Assert.True(PlainWords.InFilter(TimelineKind.Qualified, "status"));
        Assert.True(PlainWords.InFilter(TimelineKind.OutreachBlocked, "compliance"));
        Assert.True(PlainWords.InFilter(TimelineKind.Note, null));
    }
}
