namespace LeadPlatform.FollowUp.Auth;

/// <summary>The roles of the dashboard's people. Admins can do everything coordinators can.</summary>
public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
    public const string ComplianceOfficer = "compliance_officer";
    /// <summary>A clinic manager: the reports' figures and charts, never a person's details (no lead, queue or evidence).</summary>
    public const string Manager = "manager";

    public static readonly IReadOnlyList<string> All = [Coordinator, Admin, ComplianceOfficer, Manager];

    public static string Describe(string role) => role switch
    {
        Coordinator => "Coordinator",
        Admin => "Admin",
        ComplianceOfficer => "Compliance officer",
        Manager => "Manager",
        _ => role,
    };

    /// <summary>A manager and nothing else: the reports are all they see.</summary>
    public static bool IsOnlyManager(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Manager) && !user.IsInRole(Admin) && !user.IsInRole(Coordinator) && !user.IsInRole(ComplianceOfficer);
}
