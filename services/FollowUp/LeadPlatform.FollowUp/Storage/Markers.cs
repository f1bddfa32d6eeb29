using System.Security.Cryptography;
using System.Text;
using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>Claims a thing for a time window across replicas: the first claim wins, later ones within the window are refused.</summary>
public sealed class Markers(IMarkerStore store, TimeProvider time)
{
    /// <summary>
    /// True when nobody else claimed <paramref name="key"/> of this kind within <paramref name="window"/> (it is now claimed
    /// by <paramref name="owner"/>), or when <paramref name="owner"/> itself did.
    /// </summary>
    public async Task<bool> TryClaimAsync(string kind, string key, string? owner, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var id = IdFor(kind, key);
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await store.GetAsync(id, cancellationToken);
            if (existing is null)
            {
                if (await store.TryInsertAsync(new ExpiringMarker { Id = id, Kind = kind, At = now, Owner = owner }, cancellationToken)) return true;
                continue;
            }
            if (owner is not null && existing.Owner == owner) return true;
            if (now - existing.At < window) return false;
            existing.At = now;
            existing.Owner = owner;
            try
            {
                await store.ReplaceAsync(existing, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
            }
        }
        return false;
    }

    private static Guid IdFor(string kind, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key)).AsSpan(0, 16));
}
