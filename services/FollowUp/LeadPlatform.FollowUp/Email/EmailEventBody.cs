namespace LeadPlatform.FollowUp.Email;

/// <summary>A delivery event from the mail provider: <c>hard_bounce</c>, <c>soft_bounce</c> or <c>complaint</c> (spam report) for an address.</summary>
public sealed class EmailEventBody
{
    public string? Event { get; set; }
    /// <summary>The recipient address the event is about.</summary>
    public string? Email { get; set; }
    /// <summary>The provider's id of the event: a second call with the same id does nothing.</summary>
    public string? EventId { get; set; }
    /// <summary>The provider's diagnostic ("550 5.1.1 user unknown"), kept on the timeline.</summary>
    public string? Reason { get; set; }
}
