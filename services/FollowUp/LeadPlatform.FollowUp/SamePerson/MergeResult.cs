namespace LeadPlatform.FollowUp.SamePerson;

/// <summary>How a merge or a keep-apart ended.</summary>
public enum MergeResult
{
    Done,
    /// <summary>Already done before (a repeated click): nothing changed.</summary>
    AlreadyDone,
    NotFound,
    /// <summary>The leads cannot be merged (one was merged into a third lead, or erased): nothing changed.</summary>
    Refused,
}
