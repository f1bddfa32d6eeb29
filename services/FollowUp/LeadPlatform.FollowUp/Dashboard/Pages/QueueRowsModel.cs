namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="QueueRows"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record QueueRowsModel : Dashboard.IPageModel<QueueRows>
{
    public IReadOnlyList<QueueRow> Rows { get; init; } = [];
    public bool CanWork { get; init; }
    public required TimeDisplay Display { get; init; }
}
