using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>What a coordinator does to a lead from the dashboard: notes, status changes, eligibility overrides. Each one on the timeline with who and when.</summary>
internal sealed class LeadActions(ILeadStore store, TimeProvider time, Tasks.TaskOpener tasks, ILogger<LeadActions> logger,
    Webhooks.WebhookOutbox? webhooks = null)
{
    public const int MaxNoteLength = 4000;

    /// <summary>The statuses a coordinator can set, in funnel order (not eligible is qualification's, left by an override).</summary>
    public static readonly IReadOnlyList<LeadStatus> SettableStatuses =
    [
        LeadStatus.New, LeadStatus.Contacted, LeadStatus.QuoteSent, LeadStatus.ConsultationBooked, LeadStatus.Won, LeadStatus.Lost, LeadStatus.NotACandidate,
    ];

    /// <summary>A stored status word in the coordinators' words (a word that is no status: as it is).</summary>
    public static string Describe(string? status) => LeadStatuses.Map.TryParse(status, out var known) ? Describe(known) : status ?? "";

    public static string Describe(LeadStatus status) => status switch
    {
        LeadStatus.New => "New",
        LeadStatus.NotEligible => "Not eligible",
        LeadStatus.Contacted => "Contacted",
        LeadStatus.QuoteSent => "Quote sent",
        LeadStatus.ConsultationBooked => "Consultation booked",
        LeadStatus.Won => "Won",
        LeadStatus.Lost => "Lost",
        LeadStatus.NotACandidate => "Not a candidate",
        _ => status.Name(),
    };

    public Task<bool> AddNoteAsync(Guid leadId, string text, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(leadId, (lead, now, log) =>
        {
            lead.Record(new TimelineEntry { At = now, Kind = TimelineKind.Note, Summary = text.Trim(), Actor = actor });
            log.LogInformation("Note added to lead {LeadId}", leadId);
            return true;
        }, cancellationToken);

    public async Task<bool> SetStatusAsync(Guid leadId, LeadStatus status, string actor, CancellationToken cancellationToken)
    {
        var changed = await SetStatusCoreAsync(leadId, status, actor, cancellationToken);
        if (changed && status == LeadStatus.ConsultationBooked && webhooks is not null)
        {
            var at = time.GetUtcNow();
            await webhooks.RaiseAsync(Webhooks.WebhookEvents.ConsultationBooked, leadId, at, $"consultation_booked:{leadId}:{at.UtcTicks}",
                new System.Text.Json.Nodes.JsonObject { ["status"] = status.Name() }, CancellationToken.None);
        }
        return changed;
    }

    private Task<bool> SetStatusCoreAsync(Guid leadId, LeadStatus status, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(leadId, (lead, now, log) =>
        {
            // Leaving "not eligible" needs a reason and opens a task: only through the override (ChangeStatusAsync does both).
            if (lead.Status == status || lead.Status == LeadStatus.NotEligible) return false;
            var from = lead.Status;
            lead.Status = status;
            // Once a lead has been contacted its open tasks are done; a closed lead has nothing left to do.
            if (status != LeadStatus.New)
            {
                foreach (var task in lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open)) task.Status = FollowUpTaskStatus.Done;
            }
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = TimelineKind.StatusChanged,
                Summary = $"Status: {Describe(from)} → {Describe(status)}",
                Actor = actor,
                Details = new() { ["from"] = from.Name(), ["to"] = status.Name() },
            });
            log.LogInformation("Lead {LeadId} status changed from {FromStatus} to {ToStatus}", leadId, from.Name(), status.Name());
            return true;
        }, cancellationToken);

    /// <summary>
    /// The status form: a not-eligible lead leaves that status only with a reason, through <see cref="OverrideEligibilityAsync"/>
    /// (a task is opened), and then takes the chosen status; "not eligible" itself is qualification's to set.
    /// </summary>
    public async Task<StatusChange> ChangeStatusAsync(Guid leadId, LeadStatus status, string? reason, string actor, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is null) return StatusChange.NotFound;
        if (lead.Status == LeadStatus.NotEligible)
        {
            if (status == LeadStatus.NotEligible) return StatusChange.Unchanged;
            if (string.IsNullOrWhiteSpace(reason)) return StatusChange.ReasonRequired;
            if (!await OverrideEligibilityAsync(leadId, reason, actor, cancellationToken)) return StatusChange.NotFound;
            if (status != LeadStatus.New && !await SetStatusAsync(leadId, status, actor, cancellationToken)) return StatusChange.NotFound;
            return StatusChange.Overridden;
        }
        if (status == LeadStatus.NotEligible) return StatusChange.NotSettable;
        return await SetStatusAsync(leadId, status, actor, cancellationToken) ? StatusChange.Changed : StatusChange.NotFound;
    }

    /// <summary>
    /// A coordinator overrides "not eligible": the lead gets a follow-up task opened as a qualified lead's is (its tier's SLA,
    /// tier C's when it has none, in business hours; assigned round-robin; the assignee alerted) and the reason goes on the timeline.
    /// </summary>
    public async Task<bool> OverrideEligibilityAsync(Guid leadId, string reason, string actor, CancellationToken cancellationToken)
    {
        var known = await store.GetAsync(leadId, cancellationToken);
        if (known is null) return false;
        if (known.Status != LeadStatus.NotEligible) return true;
        // Before the write (it may be retried): the assignment is remembered by the lead's last request, so a second
        // override of the same decision (a double submit) gets the same coordinator and does not move the round on.
        var quoteRequestId = known.QuoteRequestIds.LastOrDefault();
        var plan = await tasks.PlanAsync(quoteRequestId == Guid.Empty ? leadId : quoteRequestId, known.Tier ?? "C",
            StoredTime.Truncate(time.GetUtcNow()), cancellationToken);
        var opened = false;
        var found = await ChangeAsync(leadId, (lead, now, log) =>
        {
            opened = false;
            if (lead.Status != LeadStatus.NotEligible) return false;
            lead.Status = LeadStatus.New;
            var entry = new TimelineEntry
            {
                At = now,
                Kind = TimelineKind.EligibilityOverridden,
                Summary = $"Eligibility overridden: {reason.Trim()}",
                Actor = actor,
                Details = new() { ["reason"] = reason.Trim() },
            };
            lead.Record(entry);
            var task = tasks.Open(lead, plan, lead.QuoteRequestIds.LastOrDefault(), now, null, log);
            entry.Details["taskId"] = task.Id.ToString();
            log.LogInformation("Lead {LeadId} eligibility overridden; follow-up task {TaskId} created", leadId, task.Id);
            opened = true;
            return true;
        }, cancellationToken);
        if (opened) await tasks.AlertAsync(leadId, plan, CancellationToken.None);
        return found;
    }

    /// <summary>False: no such lead; true when the change was written or had nothing to do (what it logs is logged once, after its write).</summary>
    private async Task<bool> ChangeAsync(Guid leadId, Func<LeadDocument, DateTimeOffset, ILogger, bool> change, CancellationToken cancellationToken) =>
        (await store.UpdateAsync(leadId, (lead, log) => change(lead, StoredTime.Truncate(time.GetUtcNow()), log),
            new UpdateOptions<LeadDocument> { Logger = logger }, cancellationToken)).Found;
}
