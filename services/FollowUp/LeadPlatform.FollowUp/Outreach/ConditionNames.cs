namespace LeadPlatform.FollowUp.Outreach;

/// <summary>How a lead's condition code reads in a message to them ("your condition" when unknown or other).</summary>
internal static class ConditionNames
{
    public static string Describe(string? condition) => string.IsNullOrWhiteSpace(condition) || condition == "other"
        ? "your condition"
        : condition.Replace('_', ' ');
}
