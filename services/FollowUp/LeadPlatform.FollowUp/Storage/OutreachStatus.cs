namespace LeadPlatform.FollowUp.Storage;

/// <summary>Where an outreach stands.</summary>
public static class OutreachStatus
{
    /// <summary>Cleared and recorded; being handed to the channel. Stays so only if the process died meanwhile.</summary>
    public const string Sending = "sending";
    /// <summary>The channel accepted it (for a call: the coordinator confirmed reading the disclaimer aloud).</summary>
    public const string Sent = "sent";
    /// <summary>A call script was issued; the coordinator has yet to confirm reading the disclaimer aloud.</summary>
    public const string AwaitingReadConfirmation = "awaiting_read_confirmation";
    /// <summary>The channel refused it or kept failing.</summary>
    public const string Failed = "failed";
}
