namespace LeadPlatform.FollowUp.Scheduling;

/// <summary><c>GET /api/v1/compliance/contact-rules</c>: the table in force, its version and its rows.</summary>
public sealed record ContactRulesTableView(string Version, string LocationsVersion, IReadOnlyList<ContactRuleView> Rules);
