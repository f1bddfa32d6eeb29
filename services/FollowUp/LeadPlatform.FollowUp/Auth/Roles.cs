namespace LeadPlatform.FollowUp.Auth;

/// <summary>The roles of the dashboard's people. Admins can do everything coordinators can.</summary>
public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
    public const string ComplianceOfficer = "compliance_officer";

    public static readonly IReadOnlyList<string> All = [Coordinator, Admin, ComplianceOfficer];

    public static string Describe(string role) => role switch
    {
        Coordinator => "Coordinator",
        Admin => "Admin",
        ComplianceOfficer => "Compliance officer",
        _ => role,
    };
}
