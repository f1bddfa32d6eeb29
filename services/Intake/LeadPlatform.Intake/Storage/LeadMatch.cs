namespace LeadPlatform.Intake.Storage;

/// <summary>An existing lead found for a new request: what matched, and whether it is certainly the same person.</summary>
public sealed record LeadMatch(Guid LeadId, bool Email, bool Phone, bool SameIdentity, DateTimeOffset FirstReceivedAt)
{
    /// <summary>Matches of stored requests grouped by lead, the earliest lead first.</summary>
    public static IReadOnlyList<LeadMatch> Of(IEnumerable<QuoteRequestDocument> requests, string? emailKey, string? phoneKey, string? identityKey) =>
        [.. requests
            .Where(r => r.ErasedAt is null)
            .GroupBy(r => r.LeadId)
            .Select(g => new LeadMatch(
                g.Key,
                emailKey is not null && g.Any(r => r.EmailKey == emailKey),
                phoneKey is not null && g.Any(r => r.PhoneKey == phoneKey),
                identityKey is not null && g.Any(r => r.IdentityKey == identityKey),
                g.Min(r => r.ReceivedAt)))
            .Where(m => m.Email || m.Phone)
            .OrderBy(m => m.FirstReceivedAt)];
}
