using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// The lead the outreach sender holds (as it just wrote it) while a channel delivers one of its messages: the email
/// channel's invite look-up (<see cref="ConsultationInvites"/>) reads it from here instead of reading the whole lead again.
/// Flows with the send's async context only; any other caller reads the store.
/// </summary>
internal static class HeldLead
{
    private static readonly AsyncLocal<LeadDocument?> Current = new();

    /// <summary>Holds <paramref name="lead"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(LeadDocument lead)
    {
        var previous = Current.Value;
        Current.Value = lead;
        return new Scope(previous);
    }

    /// <summary>The held lead if it is <paramref name="leadId"/>, else null.</summary>
    public static LeadDocument? For(Guid leadId) => Current.Value is { } lead && lead.Id == leadId ? lead : null;

    private sealed class Scope(LeadDocument? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
