namespace LeadPlatform.FollowUp.Storage;

/// <summary>Where one outreach stands (stored, and in the API's JSON, as <see cref="OutreachStatuses"/> names it).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(OutreachStatusJson))]
public enum OutreachStatus
{
    /// <summary><c>sending</c>: cleared and recorded; being handed to the channel. Stays so only if the process died meanwhile.</summary>
    Sending = 0,

    /// <summary><c>sent</c>: the channel accepted it (for a call: the coordinator confirmed reading the disclaimer aloud).</summary>
    Sent = 1,

    /// <summary><c>awaiting_read_confirmation</c>: a call script was issued; the coordinator has yet to confirm reading the disclaimer aloud.</summary>
    AwaitingReadConfirmation = 2,

    /// <summary><c>failed</c>: the channel refused it or kept failing.</summary>
    Failed = 3,
}
