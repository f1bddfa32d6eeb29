using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// At start: the configured bootstrap admin is created if no account has its email; with none configured and no account
/// at all, <c>admin@localhost</c> is created with a generated password that is written once to the console (standard
/// output, never to the log sinks) — it is not stored anywhere in clear, so it cannot be shown again. Runs beside the
/// start, not in its way: with the store unreachable the host still starts (readiness says why) and this retries.
/// </summary>
internal sealed class BootstrapAdmin(AccountService accounts, IUserAccountStore store, IOptions<AuthOptions> options, ILogger<BootstrapAdmin> logger)
    : BackgroundService
{
    public const string GeneratedEmail = "admin@localhost";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The bootstrap admin could not be checked yet (is the store reachable?); retrying in {RetryDelay}", RetryDelay);
            }
            await Task.Delay(RetryDelay, stoppingToken);
        }
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.BootstrapAdmin;
        if (!string.IsNullOrWhiteSpace(configured.Email) && !string.IsNullOrWhiteSpace(configured.Password))
        {
            if (await accounts.FindAsync(configured.Email, cancellationToken) is not null) return;
            var (account, error) = await accounts.CreateAsync(configured.Email, "Administrator", configured.Password, [Roles.Admin], cancellationToken);
            if (account is null) logger.LogError("The bootstrap admin (Auth:BootstrapAdmin) could not be created: {Problem}", error);
            else logger.LogInformation("Bootstrap admin account {AccountId} created from Auth:BootstrapAdmin", account.Id);
            return;
        }

        if (await store.CountAsync(cancellationToken) > 0) return;
        var password = AccountService.GeneratePassword();
        var (generated, problem) = await accounts.CreateAsync(GeneratedEmail, "Administrator", password, [Roles.Admin], cancellationToken);
        if (generated is null)
        {
            logger.LogError("The generated admin account could not be created: {Problem}", problem);
            return;
        }
        logger.LogWarning("No accounts existed: admin account {AccountId} created with a generated password, printed once on the console", generated.Id);
        await Console.Out.WriteLineAsync(
            $"""

             ================================================================
              First start: sign in to the dashboard as the generated admin
                email:    {GeneratedEmail}
                password: {password}
              Shown only now. Add accounts under Accounts once signed in, or
              set Auth:BootstrapAdmin:Email and Auth:BootstrapAdmin:Password.
             ================================================================

             """);
    }
}
