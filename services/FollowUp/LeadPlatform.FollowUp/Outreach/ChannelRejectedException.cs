namespace LeadPlatform.FollowUp.Outreach;

/// <summary>A channel refused an outreach for good (expired clearance, wrong channel, no unsubscribe link): not retried.</summary>
public sealed class ChannelRejectedException(string message) : Exception(message);
