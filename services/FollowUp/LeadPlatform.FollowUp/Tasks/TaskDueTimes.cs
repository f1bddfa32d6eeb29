using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// When a new task is due: its tier's SLA counted in the clinic's business hours (<see cref="SlaClock"/>), then moved to the
/// start of the lead's next contact window when it falls outside it (<see cref="ContactWindowDue"/>, the contact rule
/// table in force). A lead whose location is not known yet keeps the SLA time. Pure: safe inside a retried write.
/// </summary>
public sealed class TaskDueTimes(SlaClock sla, ContactRuleTable rules)
{
    private readonly ContactRuleEvaluator evaluator = new(rules);

    /// <summary>The tier's SLA from <paramref name="from"/>, counted as the tier's basis says (no lead yet).</summary>
    public DateTimeOffset SlaDue(string tier, DateTimeOffset from) => sla.DueAt(tier, from);

    /// <summary>The SLA due time moved into the lead's next contact window (stored precision).</summary>
    public DateTimeOffset ForLead(DateTimeOffset slaDue, LeadDocument lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return StoredTime.Truncate(ContactWindowDue.Adjust(slaDue, LocationOf(lead), evaluator));
    }

    /// <summary>Both steps: the tier's SLA from <paramref name="from"/>, then the lead's contact window.</summary>
    public DateTimeOffset DueAt(string tier, DateTimeOffset from, LeadDocument lead) => ForLead(SlaDue(tier, from), lead);

    /// <summary>Loads the location data (phone numbers, ZIP codes, time zones) the first real lead would otherwise wait for.</summary>
    public void Warm() => ContactWindowDue.Adjust(DateTimeOffset.UnixEpoch, new ContactLocation { Country = "US", PostalCode = "10001", Phone = "+12125550123" }, evaluator);

    public static ContactLocation LocationOf(LeadDocument lead) => new()
    {
        Country = lead.Person?.Country,
        PostalCode = lead.Person?.PostalCode,
        Phone = lead.Person?.Phone,
    };
}
