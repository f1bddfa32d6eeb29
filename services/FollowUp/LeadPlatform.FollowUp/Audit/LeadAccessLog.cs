using System.Security.Claims;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Audit;

/// <summary>
/// Records who read a lead's personal data (the lead page, the lead API, the privacy export), for
/// compliance officers: <c>GET /api/v1/leads/{leadId}/access-log</c>. A record holds no personal data of the lead.
/// If the record cannot be written the reading still goes ahead, and the failure is logged.
/// </summary>
public sealed class LeadAccessLog(ILeadAccessStore store, TimeProvider time, ILogger<LeadAccessLog> logger)
{
    public Task RecordAsync(Guid leadId, ClaimsPrincipal user, string what, CancellationToken cancellationToken = default) =>
        RecordAsync(leadId, user.Identity?.Name ?? "unknown", AccountService.IdOf(user)?.ToString() ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value, what, cancellationToken);

    public async Task RecordAsync(Guid leadId, string actor, string? actorId, string what, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.TryInsertAsync(new LeadAccessRecord
            {
                Id = Ids.New(), LeadId = leadId, At = time.GetUtcNow(), Actor = actor, ActorId = actorId, What = what,
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The read of lead {LeadId} ({What}) could not be recorded in the access log", leadId, what);
        }
    }

    public Task<IReadOnlyList<LeadAccessRecord>> ForLeadAsync(Guid leadId, int max, CancellationToken cancellationToken = default) =>
        store.ForLeadAsync(leadId, max, cancellationToken);
}
