using System.Security.Cryptography;
using System.Text;
using LeadPlatform.Compliance;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>
/// The clinic's approvals of disclaimer versions, stored by follow-up and put in force in the gate
/// (<see cref="DisclaimerRegistry.WithApproved"/> over the shipped registry, <see cref="ComplianceGate.UseDisclaimers"/>):
/// at start, at once after an approval on this instance, and every <see cref="RefreshInterval"/> for approvals made on
/// another instance. Until approved a draft is still attached, marked <c>draft</c> (the officer sees it on the matrix).
/// </summary>
internal sealed class DisclaimerApprovals(
    IDisclaimerApprovalStore store, DisclaimerRegistry shipped, ComplianceGate gate, TimeProvider time, ILogger<DisclaimerApprovals> logger)
    : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>Approves <paramref name="disclaimer"/> (<c>id@version</c>). The problem names what is wrong in plain words.</summary>
    public async Task<(DisclaimerApproval? Approval, string? Problem, bool AlreadyApproved)> ApproveAsync(string? disclaimer, string actor, CancellationToken ct)
    {
        var name = disclaimer?.Trim() ?? string.Empty;
        if (name.Length == 0) return (null, "Name the disclaimer version to approve (id@version).", false);
        if (shipped.TextHashOf(name) is not { } hash) return (null, $"There is no disclaimer {name}: it may have been replaced by a newer version.", false);
        if (shipped.StatusOf(name) == DisclaimerStatus.Approved) return (null, $"{name} was approved when it was shipped.", true);
        var approval = new DisclaimerApproval { Id = IdOf(name), Disclaimer = name, TextHash = hash, ApprovedBy = actor, ApprovedAt = time.GetUtcNow() };
        if (!await store.TryInsertAsync(approval, ct))
        {
            return (await store.GetAsync(approval.Id, ct), null, true);
        }
        logger.LogInformation("Disclaimer {Disclaimer} (text {TextHash}) approved by {Actor}", name, hash[..16], actor);
        await RefreshAsync(ct);
        return (approval, null, false);
    }

    public Task<IReadOnlyList<DisclaimerApproval>> ListAsync(CancellationToken ct) => store.ListAsync(10_000, ct);

    /// <summary>Puts the stored approvals in force (only those whose text is still the one approved).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var approved = (await store.ListAsync(10_000, ct)).Where(a => shipped.TextHashOf(a.Disclaimer) == a.TextHash).Select(a => a.Disclaimer);
        gate.UseDisclaimers(shipped.WithApproved(approved));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The disclaimer approvals could not be read; the gate keeps the ones it had");
            }
            try
            {
                await Task.Delay(RefreshInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static Guid IdOf(string disclaimer) => new(SHA256.HashData(Encoding.UTF8.GetBytes("disclaimer-approval:" + disclaimer)).AsSpan(0, 16));
}
