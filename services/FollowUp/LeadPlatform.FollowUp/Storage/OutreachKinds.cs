namespace LeadPlatform.FollowUp.Storage;

/// <summary>Who started an outreach.</summary>
public static class OutreachKinds
{
    public const string Coordinator = "coordinator";
    public const string Acknowledgement = "acknowledgement";
    /// <summary>The one-time text confirming an SMS opt-out (not a contact: it answers the person's STOP).</summary>
    public const string OptOutConfirmation = "opt_out_confirmation";
}
