namespace LeadPlatform.FollowUp.Consultations;

/// <summary>Why a lead was closed as lost: one of a fixed list (the reports count them), "other" with a text.</summary>
public static class LostReasons
{
    public const string Other = "other";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("price", "Price"),
        ("distance", "Distance"),
        ("chose_surgery", "Chose surgery"),
        ("not_reachable", "Not reachable"),
        ("not_a_candidate", "Not a candidate"),
        ("went_elsewhere", "Went elsewhere"),
        (Other, "Other"),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(r => r.Code == code);

    public static string Describe(string code) => All.FirstOrDefault(r => r.Code == code).Label ?? code;
}
