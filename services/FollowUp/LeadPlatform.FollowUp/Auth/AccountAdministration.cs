namespace LeadPlatform.FollowUp.Auth;

/// <summary>What an admin can do to another account from the accounts page; each ends that account's sessions.</summary>
public enum AccountAdministration
{
    Role,
    Disable,
    Enable,
    Password,
    ResetSecondFactor,
}
