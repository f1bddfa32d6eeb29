using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>Follow-up's dashboard accounts (no outbox: accounts publish nothing).</summary>
public interface IUserAccountStore : IDocumentStore<UserAccount>
{
    Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default);

    Task<UserAccount?> FindByOidcSubjectAsync(string issuerAndSubject, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UserAccount>> ListAsync(int max, CancellationToken cancellationToken = default);
}
