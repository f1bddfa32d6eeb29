using System.Security.Claims;
using System.Security.Cryptography;
using LeadPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>Creates, checks and changes local accounts. Passwords: <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned).</summary>
public sealed class AccountService(IUserAccountStore store, TimeProvider time, ILogger<AccountService> logger)
{
    public const int MinimumPasswordLength = 12;
    private static readonly PasswordHasher<UserAccount> Hasher = new();
    // Verifying against this when the account does not exist keeps the answer's timing the same.
    private static readonly string DummyHash = Hasher.HashPassword(new UserAccount(), "not-a-real-password-just-for-timing");

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(500, cancellationToken);

    /// <summary>The account, or null when the email is unknown, the password wrong or the account disabled.</summary>
    public async Task<UserAccount?> VerifyAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var account = await store.FindByEmailAsync(UserAccount.Normalize(email), cancellationToken);
        var result = Hasher.VerifyHashedPassword(account ?? new UserAccount(), account?.PasswordHash ?? DummyHash, password);
        if (account is null || account.Disabled || account.PasswordHash is null || result == PasswordVerificationResult.Failed)
        {
            logger.LogWarning("Dashboard sign-in refused for account {AccountId}", account?.Id);
            return null;
        }

        account.LastSignInAt = time.UtcNow();
        if (result == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = Hasher.HashPassword(account, password);
        try
        {
            await store.ReplaceAsync(account, cancellationToken);
        }
        catch (ServiceDefaults.Storage.ConcurrencyConflictException)
        {
            // Two sign-ins at once: the other one recorded the time.
        }
        logger.LogInformation("Dashboard sign-in by account {AccountId}", account.Id);
        return account;
    }

    public Task<UserAccount?> FindAsync(string email, CancellationToken cancellationToken = default) =>
        store.FindByEmailAsync(UserAccount.Normalize(email), cancellationToken);

    /// <summary>Creates an account; the error says why not (the email is taken, the password too short).</summary>
    public async Task<(UserAccount? Account, string? Error)> CreateAsync(string email, string displayName, string? password, IReadOnlyCollection<string> roles,
        CancellationToken cancellationToken = default)
    {
        var normalized = UserAccount.Normalize(email);
        if (normalized.Length is < 3 or > 254 || !normalized.Contains('@', StringComparison.Ordinal)) return (null, "Enter a valid email address.");
        if (ServiceDefaults.Security.NameCharacters.HasHidden(displayName) || ServiceDefaults.Security.NameCharacters.HasHidden(normalized))
            return (null, $"The name and the email: {ServiceDefaults.Security.NameCharacters.Refusal}");
        if (password is not null && password.Length < MinimumPasswordLength) return (null, $"The password needs at least {MinimumPasswordLength} characters.");
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r))) return (null, "Choose a role.");
        var account = new UserAccount
        {
            Id = Ids.New(),
            Email = normalized,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? normalized : displayName.Trim(),
            Roles = [.. roles],
            CreatedAt = time.UtcNow(),
        };
        if (password is not null) account.PasswordHash = Hasher.HashPassword(account, password);
        if (!await store.TryInsertAsync(account, cancellationToken)) return (null, "An account with this email already exists.");
        logger.LogInformation("Dashboard account {AccountId} created with roles {Roles}", account.Id, account.Roles.ToArray());
        return (account, null);
    }

    public async Task<UserAccount?> UpdateAsync(Guid id, Action<UserAccount> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var account = await store.GetAsync(id, cancellationToken);
            if (account is null) return null;
            change(account);
            try
            {
                await store.ReplaceAsync(account, cancellationToken);
                logger.LogInformation("Dashboard account {AccountId} changed: on duty {OnDuty}, on leave {OnLeave}", account.Id, account.OnDuty, account.OnLeave);
                return account;
            }
            catch (ServiceDefaults.Storage.ConcurrencyConflictException) when (attempt < 2)
            {
            }
        }
        return null;
    }

    /// <summary>The signed-in principal of an account (cookie authentication).</summary>
    public static ClaimsPrincipal PrincipalFor(UserAccount account, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Email, account.Email));
        foreach (var role in account.Roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A password for a generated account: 24 characters from an unambiguous alphabet (about 137 bits).</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
}
