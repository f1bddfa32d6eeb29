namespace LeadPlatform.FollowUp;

/// <summary>The <c>FollowUp</c> configuration section.</summary>
public sealed class FollowUpOptions
{
    /// <summary>
    /// The development default of <see cref="UnsubscribeKey"/>. Anyone who knows it can forge unsubscribe links:
    /// every deployment must set its own secret.
    /// </summary>
    public const string DevelopmentUnsubscribeKey = "development-only-unsubscribe-key--change-me-before-sending-real-email";

    /// <summary>How soon a lead of each tier must be contacted, counted as <see cref="SlaBasis"/> says (for business days: whole days).</summary>
    public Dictionary<string, TimeSpan> Sla { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = TimeSpan.FromMinutes(15),
        ["B"] = TimeSpan.FromHours(4),
        ["C"] = TimeSpan.FromDays(1),
    };

    /// <summary>How each tier's <see cref="Sla"/> is counted: A 15 minutes of wall-clock time, B 4 business hours, C the next business day.</summary>
    public Dictionary<string, SlaBasis> SlaBasis { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = FollowUp.SlaBasis.Elapsed,
        ["B"] = FollowUp.SlaBasis.BusinessHours,
        ["C"] = FollowUp.SlaBasis.BusinessDays,
    };

    /// <summary>The clinic's time zone (IANA, e.g. <c>America/Los_Angeles</c>): business hours are its local time. Unset: UTC, with a warning.</summary>
    public string? ClinicTimeZone { get; set; }

    /// <summary>When coordinators work (default Monday to Friday, 09:00–17:00).</summary>
    public BusinessHoursOptions BusinessHours { get; set; } = new();

    /// <summary>The coordinators new tasks are assigned to, round-robin among those on duty and not on leave.</summary>
    public List<CoordinatorOptions> Coordinators { get; set; } = [];

    /// <summary>The search for overdue tasks.</summary>
    public EscalationOptions Escalation { get; set; } = new();
    /// <summary>Scheduled outreach (sent at the next allowed moment).</summary>
    public Scheduling.SchedulingOptions Scheduling { get; set; } = new();

    /// <summary>Handing out the unassigned backlog and re-offering tier-A leads nobody opened.</summary>
    public AssignmentOptions Assignment { get; set; } = new();

    /// <summary>The clinic's postal address, printed under every email's disclaimer. Unset: every email is blocked (fail closed).</summary>
    public string? ClinicPostalAddress { get; set; }

    /// <summary>The clinic's name in the opt-out confirmation text ("You're unsubscribed from {name} texts."); unset: the postal address's first part.</summary>
    public string? ClinicName { get; set; }

    /// <summary>The clinic's name as the opt-out confirmation says it: <see cref="ClinicName"/>, else the first part of the postal address, else null.</summary>
    public string? ClinicDisplayName() =>
        !string.IsNullOrWhiteSpace(ClinicName) ? ClinicName.Trim()
        : ClinicPostalAddress?.Split(',', 2)[0].Trim() is { Length: > 0 } first ? first : null;

    /// <summary>Where patients reach this service (unsubscribe and disclaimer links). Default: the host's own address.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>HMAC key of the one-click unsubscribe links, at least 32 bytes (UTF-8). MUST be changed from the default.</summary>
    public string UnsubscribeKey { get; set; } = DevelopmentUnsubscribeKey;

    /// <summary>Link to the full evidence disclaimer (SMS carries it). Default: <c>{PublicBaseUrl}/disclaimers/{condition}</c>.</summary>
    public string? FullDisclaimerUrl { get; set; }

    /// <summary>Shared secret of the SMS provider's inbound webhook (HMAC-SHA256 of the body in <c>X-Signature</c>). Unset: every call is refused.</summary>
    public string? SmsWebhookSecret { get; set; }

    /// <summary>Shared secret of the mail provider's webhooks (<c>/api/v1/email/inbound</c>, <c>/api/v1/email/events</c>), signed like the SMS one. Unset: every call is refused.</summary>
    public string? EmailWebhookSecret { get; set; }

    /// <summary>The From of outreach email.</summary>
    public string FromAddress { get; set; } = "Patient coordinators <coordinators@clinic.example>";

    /// <summary>Where the file channels write (<c>email/*.eml</c>, <c>sms/*.json</c>). Default: <c>{Storage:DataFolder}/outbox</c>.</summary>
    public string? OutboxFolder { get; set; }

    /// <summary>Attempts a channel gets for one cleared outreach (a transient failure is retried with the same OutreachId).</summary>
    public int ChannelAttempts { get; set; } = 3;

    /// <summary>
    /// Policy "one opt-out revokes every channel" (default on): an opt-out of one channel (a STOP reply, the email
    /// unsubscribe link, a coordinator's) is recorded as asked and as an opt-out of all contact, announced as <c>all</c>,
    /// and the gate treats any opt-out on record as one of all contact. Off: an opt-out covers its own channel only.
    /// </summary>
    public bool OptOutRevokesAllChannels { get; set; } = true;

    /// <summary>Whether a lead gets an automatic acknowledgement once its follow-up task exists.</summary>
    public bool Acknowledgements { get; set; } = true;

    /// <summary>At most one automatic message (the acknowledgement) per recipient address or number in this window, across leads.</summary>
    public TimeSpan AutomaticMessageWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Email through a mail server; without <c>Smtp:Host</c>, <c>.eml</c> files in the outbox folder.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Texts through an SMS provider; without <c>Sms:Provider</c>, JSON files in the outbox folder.</summary>
    public SmsProviderOptions Sms { get; set; } = new();

    public TimeSpan SlaFor(string tier) => Sla.TryGetValue(tier, out var sla) ? sla : TimeSpan.FromHours(24);

    public SlaBasis SlaBasisFor(string tier) => SlaBasis.TryGetValue(tier, out var basis) ? basis : FollowUp.SlaBasis.Elapsed;
}
