using System.Text.RegularExpressions;
using LeadPlatform.Contracts;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>
/// Officers' review decisions as training labels for the claims screen (issue 19): approved = honest, rejected = claim. A message
/// approved but then blocked by the gate for a reason other than its words (an opt-out, consent) was still judged honest by the
/// officer. An edit-and-approve labels the reviewer's text honest and leaves the draft unlabelled (an edit may be tone, not a claim).
/// Pending reviews are not labels. The lead's first and last names are replaced by "Alex" (the texts greet the lead), so a part
/// exported for training carries no name.
/// </summary>
public static class ReviewLabels
{
    public const string Part = "reviews";
    public const string Version = "claims-corpus-reviews-1";
    public const string HonestCategory = "honest-review";
    private const string NeutralName = "Alex";

    /// <summary>The claim categories the learned layer knows; a rejected message is labelled with the first of its findings' that is one.</summary>
    private static readonly string[] ClaimCategories = ["efficacy", "testimonial", "numeric", "surgery", "safety", "fda", "urgency", "marketing"];

    public static ReviewLabelSet From(IEnumerable<ReviewItem> reviews, Func<Guid, PersonDetails?> personOf, DateTimeOffset exportedAt)
    {
        var items = new List<ReviewLabel>();
        foreach (var r in reviews.Where(r => r.Status is ReviewStatus.Approved or ReviewStatus.Blocked or ReviewStatus.Rejected).OrderBy(r => r.DecidedAt ?? r.CreatedAt).ThenBy(r => r.Id))
        {
            var honest = r.Status != ReviewStatus.Rejected;
            var text = honest ? r.Final.Body : r.Draft.Body;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue; // erased
            }

            var category = honest ? HonestCategory
                : r.Findings.Select(f => f.Category).FirstOrDefault(c => c is not null && ClaimCategories.Contains(c)) ?? "efficacy";
            items.Add(new ReviewLabel($"{Part}-{r.Id:N}", Part, r.Language, r.Language, r.Channel, honest ? "honest" : "claim", category,
                WithoutName(text, personOf(r.LeadId)), [.. r.Findings.Select(f => f.Rule).Distinct()], r.Status, r.DecidedAt));
        }

        return new ReviewLabelSet(Version, exportedAt, items);
    }

    private static string WithoutName(string text, PersonDetails? person)
    {
        if (person is null)
        {
            return text;
        }

        foreach (var name in $"{person.FirstName} {person.LastName}".Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.Length > 1).OrderByDescending(n => n.Length))
        {
            text = Regex.Replace(text, $@"(?<!\w){Regex.Escape(name)}(?!\w)", NeutralName, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text;
    }
}
