namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>A webhook's host resolved to an address that is not public: nothing was sent.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);
