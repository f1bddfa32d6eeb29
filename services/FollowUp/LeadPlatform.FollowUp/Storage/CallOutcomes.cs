namespace LeadPlatform.FollowUp.Storage;

/// <summary>What can come of a call, which of those reached the lead, and the words a coordinator reads for each.</summary>
public static class CallOutcomes
{
    public const string Outbound = "outbound";
    public const string Inbound = "inbound";

    public const string Reached = "reached";
    public const string NoAnswer = "no_answer";
    public const string Voicemail = "voicemail";
    public const string WrongNumber = "wrong_number";
    public const string CallbackRequested = "callback_requested";
    public const string NotInterested = "not_interested";

    public static readonly IReadOnlyList<string> All = [Reached, NoAnswer, Voicemail, WrongNumber, CallbackRequested, NotInterested];

    /// <summary>The lead was on the line: the task to reach them is done.</summary>
    public static bool ReachedTheLead(string outcome) => outcome is Reached or CallbackRequested or NotInterested;

    public static string Describe(string outcome) => outcome switch
    {
        Reached => "Reached",
        NoAnswer => "No answer",
        Voicemail => "Left a voicemail",
        WrongNumber => "Wrong number",
        CallbackRequested => "Asked to be called back",
        NotInterested => "Not interested",
        _ => outcome,
    };
}
