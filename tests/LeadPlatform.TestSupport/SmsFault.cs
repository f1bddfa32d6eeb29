namespace LeadPlatform.TestSupport;

/// <summary>What one request to <see cref="LocalSmsProvider"/> meets.</summary>
public enum SmsFault
{
    None,
    /// <summary>503: nothing sent.</summary>
    Unavailable,
    /// <summary>The text is sent, but the answer is held back longer than the client waits.</summary>
    AnswerTooLate,
}
