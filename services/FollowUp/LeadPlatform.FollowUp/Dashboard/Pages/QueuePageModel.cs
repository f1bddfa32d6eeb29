namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="QueuePage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record QueuePageModel : SignedInPageModel, Dashboard.IPageModel<QueuePage>
{
    public QueueFilter Filter { get; init; } = new(QueueFilter.All, null, null, null, null, null);
    public QueueResult Result { get; init; } = new([], 0, 1, QueueFilter.DefaultPageSize);
    public IReadOnlyList<(string Id, string Name)> Assignees { get; init; } = [];
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public IReadOnlyList<QueueRow> Reoffered { get; init; } = [];
    public int Unassigned { get; init; }
    public string? Notice { get; init; }
    public required TimeDisplay Display { get; init; }
    public IReadOnlyList<LeadPlatform.FollowUp.Views.SavedView> SavedViews { get; init; } = [];
    public Guid? CurrentView { get; init; }
}
