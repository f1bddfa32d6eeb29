using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using LeadPlatform.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Creates, checks and changes local accounts. Passwords: the registered <see cref="IPasswordHasher{TUser}"/>, ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned, its default work factor; a hash made with
/// fewer iterations than configured is made again at the next sign-in),
/// chosen under <see cref="PasswordPolicy"/>. Every change that must end the account's sessions rotates its security
/// stamp; sessions are checked against it on every request (<see cref="SessionStampAsync"/>, cached for
/// <see cref="StampCacheLifetime"/>). TOTP secrets are kept protected with the service's Data Protection key ring.
/// </summary>
public sealed class AccountService(IUserAccountStore store, TimeProvider time, IDataProtectionProvider dataProtection,
    IPasswordHasher<UserAccount> hasher, ILogger<AccountService> logger)
{
    public const int MinimumPasswordLength = PasswordPolicy.MinimumLength;
    public const string StampClaim = "leadplatform:stamp";
    /// <summary>On a session: "on" when the account has a second factor, so admins without one are sent to enrol.</summary>
    public const string SecondFactorClaim = "leadplatform:totp";
    public const string Issuer = "LeadPlatform";
    /// <summary>How long one replica trusts a security stamp it read; on the replica that made a change, it applies at once.</summary>
    public static readonly TimeSpan StampCacheLifetime = TimeSpan.FromSeconds(5);
    /// <summary>Attempts at one change of an account before a conflict is let out (or, signing in, the time left unrecorded).</summary>
    private const int UpdateAttempts = 10;

    // Verifying against this when the account does not exist keeps the answer's timing the same (same hasher, same work).
    private readonly string _dummyHash = hasher.HashPassword(new UserAccount(), "not-a-real-password-just-for-timing");
    private readonly IDataProtector _totpProtector = dataProtection.CreateProtector("LeadPlatform.FollowUp.Totp.v1");
    private readonly ConcurrentDictionary<Guid, (string? Stamp, DateTimeOffset ReadAt)> _stamps = new();
    // Bumped by every change, so a read that began before a change never puts the old stamp back into the cache.
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(500, cancellationToken);

    public Task<UserAccount?> GetAsync(Guid id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    /// <summary>The account, or null when the email is unknown, the password wrong or the account disabled.</summary>
    public async Task<UserAccount?> VerifyAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var account = await store.FindByEmailAsync(UserAccount.Normalize(email), cancellationToken);
        var result = hasher.VerifyHashedPassword(account ?? new UserAccount(), account?.PasswordHash ?? _dummyHash, password);
        if (account is null || account.Disabled || account.PasswordHash is null || result == PasswordVerificationResult.Failed)
        {
            logger.LogWarning("Dashboard sign-in refused for account {AccountId}", account?.Id);
            return null;
        }

        // The right password is not refused because the last-sign-in time could not be written in a burst of sign-ins (a
        // conflict on every attempt is an outcome here, not an exception), unless the account has no security stamp yet: a
        // session needs one stored, so then the conflict is let out.
        var signedIn = await UpdateCoreAsync(account.Id, a =>
        {
            a.LastSignInAt = time.GetUtcNow();
            if (string.IsNullOrEmpty(a.SecurityStamp)) a.SecurityStamp = NewStamp();
            if (result == PasswordVerificationResult.SuccessRehashNeeded) a.PasswordHash = hasher.HashPassword(a, password);
        }, conflictIsOutcome: !string.IsNullOrEmpty(account.SecurityStamp), cancellationToken);
        var updated = signedIn.Document;
        if (signedIn.Conflicted)
        {
            logger.LogWarning("Last sign-in time of account {AccountId} not recorded: the account kept changing meanwhile", account.Id);
            updated = account;
        }
        logger.LogInformation("Dashboard password accepted for account {AccountId}", account.Id);
        return updated ?? account;
    }

    public Task<UserAccount?> FindAsync(string email, CancellationToken cancellationToken = default) =>
        store.FindByEmailAsync(UserAccount.Normalize(email), cancellationToken);

    public Task<UserAccount?> FindByOidcSubjectAsync(string issuerAndSubject, CancellationToken cancellationToken = default) =>
        store.FindByOidcSubjectAsync(issuerAndSubject, cancellationToken);

    /// <summary>Creates an account; the error says why not (the email is taken, the password too short or too common).</summary>
    public async Task<(UserAccount? Account, string? Error)> CreateAsync(string email, string displayName, string? password, IReadOnlyCollection<string> roles,
        CancellationToken cancellationToken = default, string? by = null)
    {
        var normalized = UserAccount.Normalize(email);
        if (normalized.Length is < 3 or > 254 || !normalized.Contains('@', StringComparison.Ordinal)) return (null, "Enter a valid email address.");
        if (ServiceDefaults.Security.NameCharacters.HasHidden(displayName) || ServiceDefaults.Security.NameCharacters.HasHidden(normalized))
            return (null, $"The name and the email: {ServiceDefaults.Security.NameCharacters.Refusal}");
        if (password is not null && PasswordPolicy.Problem(password, normalized) is { } weak) return (null, weak);
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r))) return (null, "Choose a role.");
        var now = time.GetUtcNow();
        var account = new UserAccount
        {
            Id = Ids.New(),
            Email = normalized,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? normalized : displayName.Trim(),
            Roles = [.. roles],
            CreatedAt = now,
            SecurityStamp = NewStamp(),
            History = [new AccountChange { At = now, By = by ?? "system", What = $"created as {string.Join(", ", roles.Select(Roles.Describe))}" }],
        };
        if (password is not null) account.PasswordHash = hasher.HashPassword(account, password);
        if (!await store.TryInsertAsync(account, cancellationToken)) return (null, "An account with this email already exists.");
        logger.LogInformation("Dashboard account {AccountId} created with roles {Roles}", account.Id, account.Roles.ToArray());
        return (account, null);
    }

    /// <summary>Changes the account (null when there is none); a conflict on every attempt is let out.</summary>
    public async Task<UserAccount?> UpdateAsync(Guid id, Action<UserAccount> change, CancellationToken cancellationToken = default) =>
        (await UpdateCoreAsync(id, change, conflictIsOutcome: false, cancellationToken)) is { Updated: true } result ? result.Document : null;

    /// <summary>
    /// Concurrent changes of one account (an admin signing in from two tabs at once) retry on a fresh read (the store's
    /// update, bounded to <see cref="UpdateAttempts"/>); on a landed change this replica forgets the stamp it cached.
    /// </summary>
    private async Task<UpdateResult<UserAccount>> UpdateCoreAsync(Guid id, Action<UserAccount> change, bool conflictIsOutcome, CancellationToken cancellationToken)
    {
        var result = await store.UpdateAsync(id, (a, _) =>
        {
            change(a);
            return true;
        }, new UpdateOptions<UserAccount> { Attempts = UpdateAttempts, ConflictIsOutcome = conflictIsOutcome }, cancellationToken);
        if (result is { Updated: true, Document: { } account })
        {
            _generations.AddOrUpdate(id, 1, (_, g) => g + 1);
            _stamps.TryRemove(id, out _);
            logger.LogInformation("Dashboard account {AccountId} changed: on duty {OnDuty}, on leave {OnLeave}, disabled {Disabled}", account.Id, account.OnDuty, account.OnLeave, account.Disabled);
        }
        return result;
    }

    /// <summary>Ends every session of the account (its security stamp changes): at sign-out, so a copied cookie stops working too.</summary>
    public Task<UserAccount?> EndSessionsAsync(Guid id, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, a => a.SecurityStamp = NewStamp(), cancellationToken);

    /// <summary>An admin's change to someone else's account: role, disabled, a new password, or the second factor removed. The error says why not.</summary>
    public async Task<(UserAccount? Account, string? Error)> AdministerAsync(Guid id, string by, AccountAdministration what, string? value,
        CancellationToken cancellationToken = default)
    {
        var account = await store.GetAsync(id, cancellationToken);
        if (account is null) return (null, "No such account.");
        string? problem = what switch
        {
            AccountAdministration.Role when value is null || !Roles.All.Contains(value) => "Choose a role.",
            AccountAdministration.Password when value is null => "Enter a new password.",
            AccountAdministration.Password => PasswordPolicy.Problem(value, account.Email),
            _ => null,
        };
        if (problem is not null) return (null, problem);
        var changed = await UpdateAsync(id, a =>
        {
            switch (what)
            {
                case AccountAdministration.Role:
                    a.Roles = [value!];
                    Change(a, by, $"role changed to {Roles.Describe(value!)}");
                    break;
                case AccountAdministration.Disable:
                    a.Disabled = true;
                    Change(a, by, "disabled");
                    break;
                case AccountAdministration.Enable:
                    a.Disabled = false;
                    Change(a, by, "enabled");
                    break;
                case AccountAdministration.Password:
                    a.PasswordHash = hasher.HashPassword(a, value!);
                    Change(a, by, "password reset");
                    break;
                case AccountAdministration.ResetSecondFactor:
                    a.TotpSecret = null;
                    a.TotpPendingSecret = null;
                    Change(a, by, "second factor removed");
                    break;
            }
        }, cancellationToken);
        logger.LogInformation("Dashboard account {AccountId} administered: {Change}", id, what);
        return (changed, changed is null ? "The account changed meanwhile; try again." : null);
    }

    /// <summary>
    /// The security stamp a session of this account must carry, or null when the account is gone or disabled (then no
    /// session of it is valid). Read from the store at most every <see cref="StampCacheLifetime"/>.
    /// </summary>
    public async Task<string?> SessionStampAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_stamps.TryGetValue(id, out var cached) && now - cached.ReadAt < StampCacheLifetime && now >= cached.ReadAt) return cached.Stamp;
        var generation = _generations.GetValueOrDefault(id);
        var account = await store.GetAsync(id, cancellationToken);
        var stamp = account is null || account.Disabled || string.IsNullOrEmpty(account.SecurityStamp) ? null : account.SecurityStamp;
        if (_generations.GetValueOrDefault(id) == generation) _stamps[id] = (stamp, now);
        return stamp;
    }

    // Second factor (TOTP)

    /// <summary>The secret to show on the enrolment page: the pending one, or a new one kept as pending until a code confirms it.</summary>
    public async Task<byte[]?> PendingSecretAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var account = await store.GetAsync(id, cancellationToken);
        if (account is null) return null;
        if (account.TotpPendingSecret is { } pending) return Unprotect(pending);
        var secret = Totp.NewSecret();
        var changed = await UpdateAsync(id, a => a.TotpPendingSecret ??= _totpProtector.Protect(Totp.ToBase32(secret)), cancellationToken);
        return changed?.TotpPendingSecret is { } stored ? Unprotect(stored) : null;
    }

    /// <summary>Turns the second factor on when the code fits the pending secret; the account's other sessions end.</summary>
    public async Task<UserAccount?> ConfirmEnrolmentAsync(Guid id, string? code, CancellationToken cancellationToken = default)
    {
        var account = await store.GetAsync(id, cancellationToken);
        if (account?.TotpPendingSecret is not { } pending) return null;
        if (Totp.Verify(Unprotect(pending), code, time.GetUtcNow(), account.TotpLastStep) is not { } step) return null;
        var changed = await UpdateAsync(id, a =>
        {
            a.TotpSecret = a.TotpPendingSecret;
            a.TotpPendingSecret = null;
            a.TotpLastStep = step;
            Change(a, a.DisplayName, "second factor enrolled");
        }, cancellationToken);
        logger.LogInformation("Dashboard account {AccountId} enrolled a second factor", id);
        return changed;
    }

    /// <summary>True when the code is the account's current one and was not used before (it is then spent).</summary>
    public async Task<bool> VerifySecondFactorAsync(Guid id, string? code, CancellationToken cancellationToken = default)
    {
        var account = await store.GetAsync(id, cancellationToken);
        if (account?.TotpSecret is not { } secret || account.Disabled) return false;
        if (Totp.Verify(Unprotect(secret), code, time.GetUtcNow(), account.TotpLastStep) is not { } step) return false;
        var spent = false;
        await UpdateAsync(id, a =>
        {
            spent = step > a.TotpLastStep;
            if (spent) a.TotpLastStep = step;
        }, cancellationToken);
        return spent;
    }

    private byte[] Unprotect(string protectedSecret) => Totp.FromBase32(_totpProtector.Unprotect(protectedSecret));

    /// <summary>
    /// The signed-in principal of an account (cookie authentication), with the security stamp it is valid for. Signed in
    /// through the identity provider, its second factor is the provider's (<paramref name="viaIdentityProvider"/>).
    /// </summary>
    public static ClaimsPrincipal PrincipalFor(UserAccount account, string authenticationType, bool viaIdentityProvider = false)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Email, account.Email));
        identity.AddClaim(new Claim(StampClaim, account.SecurityStamp));
        identity.AddClaim(new Claim(SecondFactorClaim, viaIdentityProvider ? "idp" : account.HasSecondFactor() ? "on" : "off"));
        foreach (var role in account.Roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The account id of a signed-in person (null for API tokens and the anonymous).</summary>
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    /// <summary>A password for a generated account: 24 characters from an unambiguous alphabet (about 137 bits).</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);

    private void Change(UserAccount account, string by, string what)
    {
        account.SecurityStamp = NewStamp();
        account.History.Add(new AccountChange { At = time.GetUtcNow(), By = by, What = what });
        if (account.History.Count > 100) account.History.RemoveRange(0, account.History.Count - 100);
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
