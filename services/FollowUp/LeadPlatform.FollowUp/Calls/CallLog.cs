using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Calls;

/// <summary>
/// Logs what happened on a call. Never refused: the gate runs before an outbound call (the script and its read-aloud
/// disclaimer); afterwards the call is a fact. An outbound call with no cleared script of this lead whose disclaimer was
/// read aloud is recorded all the same and flagged for the compliance officer. A call that reached the lead closes its
/// open tasks (the lead becomes contacted); a callback time becomes a task of its own, due then, in place of the open ones.
/// </summary>
internal sealed class CallLog(ILeadStore store, OutreachSender sender, TimeProvider time, ILogger<CallLog> logger)
{
    /// <summary>How long after its clearance a confirmed script still covers a call logged for it.</summary>
    public static readonly TimeSpan ScriptCovers = TimeSpan.FromHours(2);

    public async Task<(CallRecord? Call, string? Problem)> LogAsync(Guid leadId, CallLogRequest request, CancellationToken cancellationToken)
    {
        // The coordinator read the disclaimer aloud on this call: that confirms the script (as the confirm-read step does).
        if (request.ScriptOutreachId is { } scriptId && request.ReadAloud)
        {
            var (script, problem) = await sender.ConfirmReadAsync(leadId, scriptId, request.By, cancellationToken);
            if (script is null) return (null, null);
            if (problem is not null && script.ReadConfirmedAt is null) return (null, problem);
        }

        (CallRecord? Call, string? Problem) result = (null, null);
        await store.UpdateAsync(leadId, (lead, log) =>
        {
            result = (null, null);
            if (request.ScriptOutreachId is { } sid && lead.Outreach.Find(o => o.Id == sid) is not { Channel: ChannelNames.Phone })
            {
                result = (null, "The scriptOutreachId is not a call script of this lead.");
                return false;
            }

            var now = StoredTime.Truncate(time.GetUtcNow());
            var call = new CallRecord
            {
                Id = Ids.New(),
                At = now,
                Direction = request.Direction,
                Outcome = request.Outcome,
                DurationSeconds = request.DurationSeconds,
                Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
                By = request.By,
                CallbackAt = request.CallbackAt is { } cb ? StoredTime.Truncate(cb) : null,
            };
            var script = CoveringScript(lead, request.ScriptOutreachId, now);
            call.ScriptOutreachId = script?.Id ?? request.ScriptOutreachId;
            if (request.Direction == CallOutcomes.Outbound && script is null)
            {
                call.FlaggedForCompliance = true;
                call.FlagReason = request.ScriptOutreachId is null
                    ? "Outbound call logged without a cleared call script: the disclaimer may not have been read aloud."
                    : "Outbound call logged on a call script whose disclaimer was not confirmed as read aloud (or whose clearance had run out).";
            }

            var open = lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open).ToList();
            if (CallOutcomes.ReachedTheLead(request.Outcome) || call.CallbackAt is not null)
            {
                foreach (var task in open)
                {
                    task.Status = FollowUpTaskStatus.Done;
                    call.ClosedTaskIds.Add(task.Id);
                }
            }
            if (call.CallbackAt is { } due)
            {
                var callback = new FollowUpTask
                {
                    Id = Ids.New(),
                    Kind = "callback",
                    QuoteRequestId = lead.QuoteRequestIds.LastOrDefault(),
                    Tier = lead.Tier ?? open.Select(t => t.Tier).FirstOrDefault() ?? "C",
                    CreatedAt = now,
                    DueAt = due,
                    // The owner of the task it replaces keeps the lead; else whoever scheduled it.
                    AssignedTo = open.Select(t => t.AssignedTo).FirstOrDefault(a => a is not null) ?? request.By,
                };
                lead.Tasks.Add(callback);
                call.CallbackTaskId = callback.Id;
            }
            if (CallOutcomes.ReachedTheLead(request.Outcome) && lead.Status == LeadStatus.New) lead.Status = LeadStatus.Contacted;

            lead.Calls.Add(call);
            var details = new Dictionary<string, string>
            {
                ["callId"] = call.Id.ToString("D"),
                ["direction"] = call.Direction,
                ["outcome"] = call.Outcome,
            };
            if (call.DurationSeconds is { } seconds) details["durationSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (call.Notes is { } notes) details["notes"] = notes;
            if (call.CallbackAt is { } at) details["callbackAt"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = TimelineKind.CallLogged,
                Summary = Summary(call),
                Actor = request.By,
                Details = details,
            });
            if (call.FlaggedForCompliance)
            {
                lead.Record(new TimelineEntry
                {
                    At = now,
                    Kind = TimelineKind.CallFlagged,
                    Summary = call.FlagReason!,
                    Actor = request.By,
                    Details = new() { ["callId"] = call.Id.ToString("D") },
                });
            }
            log.LogInformation("Call {CallId} ({CallDirection}, {CallOutcome}) logged for lead {LeadId}; {ClosedTasks} task(s) closed, callback task {CallbackTaskId}",
                call.Id, call.Direction, call.Outcome, leadId, call.ClosedTaskIds.Count, call.CallbackTaskId);
            if (call.FlaggedForCompliance)
                log.LogWarning("Call {CallId} for lead {LeadId} was logged without a cleared call script: flagged for the compliance officer", call.Id, leadId);
            result = (call, null);
            return true;
        }, new UpdateOptions<LeadDocument> { Logger = logger }, cancellationToken);
        return result;
    }

    /// <summary>The named script if it was read aloud and still fresh; else the latest confirmed script of the lead within <see cref="ScriptCovers"/>.</summary>
    private static OutreachRecord? CoveringScript(LeadDocument lead, Guid? scriptId, DateTimeOffset now) =>
        lead.Outreach
            .Where(o => o.Channel == ChannelNames.Phone && o.ReadConfirmedAt is not null && (scriptId is null || o.Id == scriptId))
            .Where(o => now - o.CreatedAt <= ScriptCovers)
            .Where(o => !lead.Calls.Exists(c => c.ScriptOutreachId == o.Id && !c.FlaggedForCompliance) || scriptId is not null)
            .OrderByDescending(o => o.CreatedAt)
            .FirstOrDefault();

    public static string Summary(CallRecord call)
    {
        var way = call.Direction == CallOutcomes.Inbound ? "Call from the lead" : "Call to the lead";
        var length = call.DurationSeconds is { } s and > 0 ? $" ({(s < 60 ? $"{s} s" : $"{s / 60} min")})" : string.Empty;
        var callback = call.CallbackAt is not null ? "; callback scheduled" : string.Empty;
        return $"{way}: {CallOutcomes.Describe(call.Outcome)}{length}{callback}";
    }
}
