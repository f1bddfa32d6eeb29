using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>The dashboard's Data Protection key ring (no outbox: keys publish nothing).</summary>
public interface IDataProtectionKeyStore : IDocumentStore<DataProtectionKey>
{
    Task<IReadOnlyList<DataProtectionKey>> ListAsync(CancellationToken cancellationToken = default);
}
