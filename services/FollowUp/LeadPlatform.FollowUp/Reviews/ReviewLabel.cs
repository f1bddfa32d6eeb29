namespace LeadPlatform.FollowUp.Reviews;

/// <summary>
/// One decided review as a labelled text, in the shape of the claims corpus's items (tests/LeadPlatform.Compliance.Tests/Corpus/claims,
/// read by <c>claims-train --labels</c>): <c>label</c> <c>honest</c> for a message a compliance officer approved (the text sent: the
/// reviewer's edit when there is one), <c>claim</c> for one they rejected (the draft); <c>category</c> is the claim category the screen
/// found (or <c>honest-review</c>); <c>rules</c> are the screen's findings when it was held. The lead's name is replaced by a neutral one.
/// </summary>
public sealed record ReviewLabel(
    string Id,
    string Part,
    string Language,
    string DraftLanguage,
    string Channel,
    string Label,
    string Category,
    string Text,
    IReadOnlyList<string> Rules,
    string Decision,
    DateTimeOffset? DecidedAt);
