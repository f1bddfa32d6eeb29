namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>One cell of the disclaimer matrix: <c>id@version</c>, or null when missing; <see cref="Draft"/> null when the registry does not say.</summary>
public sealed record DisclaimerCell(string Condition, string Channel, string Language, string? Disclaimer, bool? Draft);
