using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// When a task is due for the lead: the SLA due time (counted in the clinic's business hours by <see cref="SlaClock"/>),
/// moved to the start of the lead's next contact window (calls, every applicable rule, every candidate zone) when it
/// falls outside it, so nobody is overdue at 3 a.m. the lead's time. A lead whose location is unknown keeps the SLA time
/// (the gate refuses a call to them anyway, with the reason). Pure: no I/O, no clock.
/// </summary>
public static class ContactWindowDue
{
    public static DateTimeOffset Adjust(DateTimeOffset slaDue, ContactLocation location, ContactRuleEvaluator rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var evaluation = rules.Evaluate(OutreachChannel.Phone, location, [], slaDue);
        return !evaluation.Allowed && evaluation.OutsideWindow && evaluation.NextAllowedAt is { } next && next > slaDue ? next : slaDue;
    }
}
