using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Templates;

/// <summary>
/// The templates a new installation starts with (first contact by email and by text, in English), written once when the
/// store has none. Fixed ids, so two instances starting together write them once. Admins change or retire them like
/// any other; they are written approved by the system (an edit needs a compliance officer's approval, like any template); they are screened by the gate like any other (a test holds them to it).
/// The first attempt is part of the host's start, bounded by <see cref="FirstAttemptTimeout"/>: with the store
/// unreachable, MongoDB's 30 s server selection would otherwise hold the start (and the answer to the startup probe)
/// that long. Until they are written they are tried again every <see cref="RetryInterval"/>, in the background.
/// </summary>
internal sealed class DefaultTemplates(ITemplateStore store, TimeProvider time, ILogger<DefaultTemplates> logger) : BackgroundService
{
    public static readonly TimeSpan FirstAttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);
    private bool _written;

    /// <summary>New instances on every read: the start writes them, tests read them.</summary>
    public static IReadOnlyList<MessageTemplate> All =>
    [
        new()
        {
            Id = new Guid("6c1f0a52-7d3e-4b8a-9f21-0c4e5a7b0001"),
            Name = "First contact",
            Channel = "email",
            Language = "en",
            Subject = "Your questions about {condition}",
            Body = """
                   Hello {first_name},

                   Thank you for your request. My name is {coordinator}, and I am a patient coordinator at the clinic.

                   I would like to understand your situation and answer your questions. When is a good time for a short call?

                   Kind regards,
                   {coordinator}
                   """,
        },
        new()
        {
            Id = new Guid("6c1f0a52-7d3e-4b8a-9f21-0c4e5a7b0002"),
            Name = "First contact",
            Channel = "sms",
            Language = "en",
            Body = "Hello {first_name}, this is {coordinator} from the clinic, about your request. When is a good time for a short call?",
        },
    ];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            bounded.CancelAfter(FirstAttemptTimeout);
            _written = await TryWriteAsync(bounded.Token, cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_written)
        {
            try
            {
                await Task.Delay(RetryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _written = await TryWriteAsync(stoppingToken, stoppingToken);
        }
    }

    /// <summary>Writes the defaults when the store has none; false when the store could not be reached (logged).</summary>
    private async Task<bool> TryWriteAsync(CancellationToken cancellationToken, CancellationToken stopping)
    {
        try
        {
            if (await store.CountAsync(cancellationToken) > 0)
            {
                await ApproveUnchangedDefaultsAsync(cancellationToken);
                return true;
            }
            var templates = All;
            foreach (var template in templates)
            {
                // The shipped texts are approved by the system (a test holds them to the claims screen); any edit needs a compliance officer's approval.
                template.UpdatedBy = "system";
                template.UpdatedAt = time.GetUtcNow();
                template.Revision = 1;
                template.ApprovedRevision = 1;
                template.ApprovedBy = "system";
                template.ApprovedAt = template.UpdatedAt;
                await store.TryInsertAsync(template, cancellationToken);
            }
            logger.LogInformation("Wrote the {Count} default message templates", templates.Count);
            return true;
        }
        catch (Exception ex) when (ex is StoreFailedException or TimeoutException or IOException
                                   || ex is OperationCanceledException && !stopping.IsCancellationRequested
                                   || ex.GetType().Namespace?.StartsWith("MongoDB", StringComparison.Ordinal) == true)
        {
            // The templates are a convenience: the service runs without them meanwhile.
            logger.LogWarning(ex, "The default message templates were not written; trying again in {RetryInterval}", RetryInterval);
            return false;
        }
    }

    /// <summary>
    /// Installations from before template approval: a shipped default still stored exactly as shipped (never edited)
    /// is approved by the system, as a new installation's are; an edited one waits for a compliance officer.
    /// </summary>
    private async Task ApproveUnchangedDefaultsAsync(CancellationToken cancellationToken)
    {
        foreach (var shipped in All)
        {
            // Another instance approving it, or an admin changing it, meanwhile: the retry sees that and has nothing to do.
            await store.UpdateAsync(shipped.Id, (stored, log) =>
            {
                if (stored.Revision != 0 || stored.ApprovedRevision is not null || stored.UpdatedBy != "system"
                    || stored.Body != shipped.Body || stored.Subject != shipped.Subject) return false;
                stored.Revision = 1;
                stored.ApprovedRevision = 1;
                stored.ApprovedBy = "system";
                stored.ApprovedAt = time.GetUtcNow();
                log.LogInformation("Default message template {TemplateId} approved by the system (unchanged since it was shipped)", stored.Id);
                return true;
            }, new UpdateOptions<MessageTemplate> { Logger = logger }, cancellationToken);
        }
    }
}
