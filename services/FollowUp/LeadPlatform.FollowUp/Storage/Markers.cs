using System.Security.Cryptography;
using System.Text;
using LeadPlatform.Storage;

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
        var claimed = false;
        await store.UpdateAsync(id, (existing, _) =>
        {
            // A new marker (Version 0) is this claim's; an existing one is taken over only once its window has passed.
            claimed = existing.Version == 0 || owner is not null && existing.Owner == owner || now - existing.At >= window;
            if (!claimed || existing.Version != 0 && owner is not null && existing.Owner == owner) return false;
            (existing.Kind, existing.At, existing.Owner) = (kind, now, owner);
            return true;
        }, new UpdateOptions<ExpiringMarker> { Create = () => new ExpiringMarker() }, cancellationToken);
        return claimed;
    }

    private static Guid IdFor(string kind, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key)).AsSpan(0, 16));
}
