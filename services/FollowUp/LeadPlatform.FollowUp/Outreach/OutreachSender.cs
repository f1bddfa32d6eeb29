using System.Globalization;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// The only road from follow-up to a channel:
/// <list type="number">
/// <item>the gate checks the draft against the lead's facts (consent, contact data, opt-outs, time zone, history);</item>
/// <item>its evidence record, cleared or blocked, is linked into the lead's chain and stored; a cleared outreach is
/// stored with it as <c>sending</c>, in the same write, before any channel sees it;</item>
/// <item>the channel gets the <see cref="ClearedOutreach"/> (a transient failure is retried with the same OutreachId);</item>
/// <item>the outreach is marked <c>sent</c>, put on the timeline, and <see cref="OutreachSent"/> is enqueued, in one write.</item>
/// </list>
/// A blocked draft reaches no channel. A draft whose findings only ask for review (email and SMS) is held: its evidence
/// (<c>review</c>) and an <c>outreach_held</c> entry are written, then a <see cref="Reviews.ReviewItem"/> whose id is the
/// OutreachId the message carries if a compliance officer approves it (<see cref="OutreachRequest.Approval"/>,
/// <see cref="OutreachRequest.OutreachId"/>: a second send under that id sends nothing). A write that loses a race is
/// redone from a fresh read, gate check included, so nothing that was not stored is ever sent.
/// </summary>
internal sealed class OutreachSender(
    ILeadStore store,
    LeadPlatform.FollowUp.Reviews.IReviewStore reviews,
    ComplianceGate gate,
    LeadFacts facts,
    ChannelDelivery delivery,
    TimeProvider time,
    ILogger<OutreachSender> logger,
    LeadPlatform.ServiceDefaults.Telemetry.LeadPlatformMetrics? metrics = null)
{
    private const int Attempts = 5;

    public Task<OutreachOutcome> SendAsync(Guid leadId, OutreachRequest request, CancellationToken cancellationToken) =>
        SendAsync(leadId, held: null, request, cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(Guid, OutreachRequest, CancellationToken)"/> for a lead the caller has just read: its first
    /// attempt works on <paramref name="lead"/> instead of reading it again (a change meanwhile fails the version check, and the
    /// next attempt reads afresh, gate check included).
    /// </summary>
    public Task<OutreachOutcome> SendAsync(LeadDocument lead, OutreachRequest request, CancellationToken cancellationToken) =>
        SendAsync(lead.Id, lead, request, cancellationToken);

    private async Task<OutreachOutcome> SendAsync(Guid leadId, LeadDocument? held, OutreachRequest request, CancellationToken cancellationToken)
    {
        var checkedAndRecorded = await CheckAndRecordAsync(leadId, held, request, cancellationToken);
        if (checkedAndRecorded.ToDeliver is not { } sending) return checkedAndRecorded.Ended!;

        // Recorded as sending: from here on a client hanging up must not leave the outreach half done.
        ChannelReceipt receipt;
        try
        {
            receipt = await DeliverAsync(sending);
        }
        catch (Exception ex)
        {
            return await RecordFailedAsync(leadId, sending, ex);
        }
        return await RecordDeliveredAsync(leadId, request, sending, receipt);
    }

    /// <summary>
    /// Reads the lead (or takes the one held), checks the draft and writes the decision: held for review, blocked, or
    /// recorded as <c>sending</c>, through the store's update (<see cref="Attempts"/> attempts). A write that loses a race
    /// is redone from a fresh read, gate check included; what follows a write (the review's insert, the logs) runs once,
    /// after the attempt that landed.
    /// </summary>
    private async Task<Attempt> CheckAndRecordAsync(Guid leadId, LeadDocument? held, OutreachRequest request, CancellationToken cancellationToken)
    {
        Func<LeadDocument, Task<Attempt>>? then = null;
        var written = await store.UpdateAsync(leadId, (lead, _) =>
        {
            if (HandledBefore(lead, request, out var interrupted) is { } handled)
            {
                then = _ => Task.FromResult(Attempt.End(handled));
                return false;
            }

            var check = Check(lead, request, interrupted);
            if (check.Decision.HeldForReview && request.Approval is null && request.Channel != OutreachChannel.Phone)
                then = HoldForReview(leadId, lead, request, check);
            else if (check.Decision.Outreach is not { } outreach)
                then = RecordBlocked(leadId, lead, request, check);
            else if (interrupted is not null)
                then = RecordResumed(leadId, lead, check, outreach, interrupted);
            else
                then = RecordSending(leadId, lead, request, check, outreach);
            return true;
        }, new UpdateOptions<LeadDocument> { Held = held, Attempts = Attempts }, cancellationToken);
        if (written.Document is not { } lead || then is null) return Attempt.End(new OutreachOutcome(OutreachOutcomeKind.LeadNotFound));
        return await then(lead);
    }
    /// <summary>
    /// The outcome when this request was handled before (its reserved OutreachId is on the lead, or its key was sent,
    /// blocked or skipped), else null; <paramref name="interrupted"/> is a keyed outreach left <c>sending</c> that the
    /// request asks to resume.
    /// </summary>
    private static OutreachOutcome? HandledBefore(LeadDocument lead, OutreachRequest request, out OutreachRecord? interrupted)
    {
        interrupted = null;
        if (request.OutreachId is { } reserved && lead.Outreach.Find(o => o.Id == reserved) is { } already)
        {
            // An approved review sent before (a second approval, or a retry): nothing more goes out.
            return new OutreachOutcome(OutreachOutcomeKind.AlreadyHandled, Record: already);
        }
        if (request.Key is { } key && FindHandled(lead, key) is { } handled)
        {
            if (!request.ResumeInterrupted || handled.Record is not { Status: OutreachStatus.Sending } stuck) return handled;
            interrupted = stuck;
        }
        return null;
    }

    /// <summary>The gate's decision on the draft, its evidence appended to the lead's chain (a withheld draft kept with it).</summary>
    private GateCheck Check(LeadDocument lead, OutreachRequest request, OutreachRecord? interrupted)
    {
        var now = time.UtcNow();
        var draft = Draft(lead, request) with { ResumesOutreachId = interrupted?.Id ?? request.OutreachId };
        var leadFacts = facts.For(lead);
        ComplianceDecision decision;
        EvidenceRecord evidence;
        if (interrupted is not null && ClearedAgainUnchanged(lead, draft, leadFacts, interrupted) is { } again)
        {
            // The same text cleared again: the record of its first clearance stands (one evidence record per message).
            (decision, evidence) = again;
        }
        else
        {
            decision = gate.Check(draft, leadFacts);
            evidence = lead.AppendEvidence(decision.Evidence!);
        }
        if (!decision.Cleared) lead.WithheldDrafts.Add(Withheld(request, draft, evidence));
        return new GateCheck(now, draft, leadFacts, decision, evidence);
    }

    /// <summary>Holds the draft: its <c>outreach_held</c> entry is written, then the review item a compliance officer decides.</summary>
    private Func<LeadDocument, Task<Attempt>> HoldForReview(Guid leadId, LeadDocument lead, OutreachRequest request, GateCheck check)
    {
        var reviewId = Ids.New();
        lead.Record(HeldEntry(request, check.Decision, check.Evidence, reviewId, check.Now));
        return async _ =>
        {
            await reviews.TryInsertAsync(ReviewItem(leadId, request, check, reviewId), CancellationToken.None);
            LogDecision(leadId, null, request.Channel, check.Decision, check.Evidence);
            return Attempt.End(new OutreachOutcome(OutreachOutcomeKind.HeldForReview, check.Decision, check.Evidence, ReviewId: reviewId));
        };
    }

    /// <summary>Writes the <c>outreach_blocked</c> entry: the draft reaches no channel.</summary>
    private Func<LeadDocument, Task<Attempt>> RecordBlocked(Guid leadId, LeadDocument lead, OutreachRequest request, GateCheck check)
    {
        lead.Record(BlockedEntry(request, check.Decision, check.Evidence, check.Now));
        return _ =>
        {
            LogDecision(leadId, null, request.Channel, check.Decision, check.Evidence);
            return Task.FromResult(Attempt.End(new OutreachOutcome(OutreachOutcomeKind.Blocked, check.Decision, check.Evidence)));
        };
    }

    /// <summary>Cleared again under its own id: deliver it; the record written before the interruption stands, with the text cleared now.</summary>
    private Func<LeadDocument, Task<Attempt>> RecordResumed(Guid leadId, LeadDocument lead, GateCheck check, ClearedOutreach outreach, OutreachRecord interrupted)
    {
        var textChanged = check.Evidence.EvidenceId != interrupted.EvidenceId;
        interrupted.Message = outreach.Message;
        interrupted.Subject = outreach.Subject;
        interrupted.MessageHash = outreach.MessageHash;
        interrupted.EvidenceId = check.Evidence.EvidenceId;
        interrupted.UnsubscribeUrl ??= check.Facts.UnsubscribeUrl;
        interrupted.DisclaimerUrl ??= check.Facts.FullDisclaimerUrl;
        lead.UpdatedAt = check.Now;
        return written =>
        {
            if (textChanged)
                logger.LogWarning("Interrupted outreach {OutreachId} for lead {LeadId} is delivered as cleared now; its text changed since (template or disclaimer version)",
                    outreach.OutreachId, leadId);
            logger.LogWarning("Outreach {OutreachId} for lead {LeadId} was interrupted before its channel answered: delivering it again under the same id",
                outreach.OutreachId, leadId);
            return Task.FromResult(Attempt.Deliver(new SendingOutreach(written, interrupted, outreach)));
        };
    }

    /// <summary>Stores the cleared outreach as <c>sending</c>, with its evidence, before any channel sees it.</summary>
    private Func<LeadDocument, Task<Attempt>> RecordSending(Guid leadId, LeadDocument lead, OutreachRequest request, GateCheck check, ClearedOutreach outreach)
    {
        var record = SendingRecord(request, check, outreach);
        lead.Outreach.Add(record);
        lead.UpdatedAt = check.Now;
        return written =>
        {
            LogDecision(leadId, outreach.OutreachId, request.Channel, check.Decision, check.Evidence);
            return Task.FromResult(Attempt.Deliver(new SendingOutreach(written, record, outreach)));
        };
    }

    /// <summary>Hands the cleared outreach to its channel, with the lead as written at hand for the channel's consultations.</summary>
    private async Task<ChannelReceipt> DeliverAsync(SendingOutreach sending)
    {
        using (Consultations.HeldLead.Use(sending.Lead)) return await delivery.SendAsync(sending.Cleared, CancellationToken.None);
    }

    /// <summary>The channel did not accept it: the outreach is marked <c>failed</c>, with an <c>outreach_failed</c> entry.</summary>
    private async Task<OutreachOutcome> RecordFailedAsync(Guid leadId, SendingOutreach sending, Exception ex)
    {
        var (written, record, cleared) = sending;
        logger.LogError("Channel {Channel} did not accept outreach {OutreachId} for lead {LeadId}: {ErrorType}",
            record.Channel, cleared.OutreachId, leadId, ex.GetType().Name);
        var failed = await UpdateRecordAsync(leadId, written, cleared.OutreachId, (lead, r, now) =>
        {
            if (r.Status != OutreachStatus.Sending) return false;
            r.Status = OutreachStatus.Failed;
            r.Failure = ex is ChannelRejectedException ? ex.Message : $"The {r.Channel} channel kept failing ({ex.GetType().Name}).";
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = TimelineKind.OutreachFailed,
                Summary = $"{Label(r.Kind)} by {r.Channel} was cleared but not sent: {r.Failure}",
                Actor = r.Author,
                Details = Details(r),
            });
            return true;
        });
        return new OutreachOutcome(OutreachOutcomeKind.Failed, Record: failed, Cleared: cleared, Problem: failed?.Failure);
    }

    /// <summary>
    /// The channel accepted it: the outreach is marked sent (a call script: issued, awaiting the read-aloud confirmation)
    /// and the speed to lead of the first contact of its kind is recorded.
    /// </summary>
    private async Task<OutreachOutcome> RecordDeliveredAsync(Guid leadId, OutreachRequest request, SendingOutreach sending, ChannelReceipt receipt)
    {
        var (written, record, cleared) = sending;
        double? firstOfItsKindMs = null;
        // The lead as this send wrote it is the one marked sent (no read in between); a change meanwhile fails the version
        // check and the mark is made again on a fresh read.
        var sent = await UpdateRecordAsync(leadId, written, cleared.OutreachId, (lead, r, now) =>
        {
            if (r.Status != OutreachStatus.Sending) return false;
            firstOfItsKindMs = lead.Outreach.Exists(o => o.Id != r.Id && o.Kind == r.Kind && o.Status == OutreachStatus.Sent)
                ? null
                : Math.Max(0, (receipt.AcceptedAt - FirstSubmittedAt(lead)).TotalMilliseconds);
            r.SentAt = StoredTime.Truncate(receipt.AcceptedAt);
            r.ProviderMessageId = receipt.ProviderMessageId;
            if (cleared.Channel == OutreachChannel.Phone)
            {
                IssueCallScript(lead, r, now);
                return true;
            }

            MarkSent(lead, r, now, request.ConversationId);
            return true;
        });
        logger.LogInformation("Outreach {OutreachId} for lead {LeadId} handed to the {Channel} channel", cleared.OutreachId, leadId, record.Channel);
        if (sent?.Status == OutreachStatus.Sent && firstOfItsKindMs is { } elapsed) RecordSpeedToLead(leadId, record, elapsed);
        return new OutreachOutcome(cleared.Channel == OutreachChannel.Phone ? OutreachOutcomeKind.ScriptIssued : OutreachOutcomeKind.Sent,
            Record: sent ?? record, Cleared: cleared);
    }

    /// <summary>Speed to lead: submission to the first contact of each kind (the automatic acknowledgement, a coordinator's).</summary>
    private void RecordSpeedToLead(Guid leadId, OutreachRecord record, double elapsed)
    {
        metrics?.SpeedToLead.Record(elapsed, new KeyValuePair<string, object?>("kind", record.Kind), new KeyValuePair<string, object?>("channel", record.Channel));
        logger.LogInformation("First {OutreachKind} to lead {LeadId} sent by {Channel} {ElapsedMs} ms after the lead's first submission",
            record.Kind, leadId, record.Channel, Math.Round(elapsed));
    }

    /// <summary>The coordinator read the call script's disclaimer aloud: the call counts as sent.</summary>
    /// <returns>The record (unchanged if it was confirmed before), or null when there is no such call outreach.</returns>
    public async Task<(OutreachRecord? Record, string? Problem)> ConfirmReadAsync(Guid leadId, Guid outreachId, string coordinator, CancellationToken cancellationToken)
    {
        string? problem = null;
        var record = await UpdateRecordAsync(leadId, outreachId, (lead, r, now) =>
        {
            if (r.Channel != ChannelNames.Phone) { problem = "Only a call script is confirmed as read aloud."; return false; }
            if (r.ReadConfirmedAt is not null) return false;
            if (r.Status != OutreachStatus.AwaitingReadConfirmation) { problem = $"The call script is {r.Status.Name()}."; return false; }
            r.ReadConfirmedAt = now;
            r.ReadConfirmedBy = coordinator;
            MarkSent(lead, r, now, null);
            return true;
        }, cancellationToken);
        if (record is not null && problem is null)
        {
            logger.LogInformation("Call script {OutreachId} for lead {LeadId} confirmed as read aloud", outreachId, leadId);
        }
        return (record, problem);
    }

    /// <summary>Records that an automatic outreach was not attempted (no consented channel), once per key.</summary>
    public Task RecordSkippedAsync(Guid leadId, string key, string kind, string reason, CancellationToken cancellationToken) =>
        RecordSkippedAsync(leadId, held: null, key, kind, reason, cancellationToken);

    /// <summary>As <see cref="RecordSkippedAsync(Guid, string, string, string, CancellationToken)"/> for a lead the caller has just read (its first attempt does not read it again).</summary>
    public Task RecordSkippedAsync(LeadDocument lead, string key, string kind, string reason, CancellationToken cancellationToken) =>
        RecordSkippedAsync(lead.Id, lead, key, kind, reason, cancellationToken);

    private Task RecordSkippedAsync(Guid leadId, LeadDocument? held, string key, string kind, string reason, CancellationToken cancellationToken) =>
        store.UpdateAsync(leadId, (lead, log) =>
        {
            if (FindHandled(lead, key) is not null) return false;
            lead.Record(new TimelineEntry
            {
                At = time.UtcNow(),
                Kind = TimelineKind.OutreachSkipped,
                Summary = $"{Label(kind)} not sent: {reason}",
                Details = new() { ["key"] = key, ["kind"] = kind },
            });
            log.LogInformation("Automatic {OutreachKind} for lead {LeadId} skipped: {SkipReason}", kind, leadId, reason);
            return true;
        }, new UpdateOptions<LeadDocument> { Held = held, Logger = logger }, cancellationToken);

    /// <summary>An earlier outcome of the automatic outreach with this key: sent (or sending), blocked or skipped.</summary>
    public static OutreachOutcome? FindHandled(LeadDocument lead, string key)
    {
        if (lead.Outreach.Find(o => o.Key == key) is { } done) return new OutreachOutcome(OutreachOutcomeKind.AlreadyHandled, Record: done);
        return lead.Timeline.Exists(e => e.Details.TryGetValue("key", out var k) && k == key)
            ? new OutreachOutcome(OutreachOutcomeKind.AlreadyHandled)
            : null;
    }

    /// <summary>
    /// An interrupted delivery checked again with the links it was first cleared with and under its evidence record's id:
    /// the decision and that stored record when the gate clears the very same text again, else null (then it is checked
    /// afresh and the new decision is recorded as its own evidence).
    /// </summary>
    private (ComplianceDecision Decision, EvidenceRecord Evidence)? ClearedAgainUnchanged(LeadDocument lead, OutreachDraft draft, LeadComplianceFacts leadFacts,
        OutreachRecord interrupted)
    {
        if (interrupted.UnsubscribeUrl is null && interrupted.DisclaimerUrl is null) return null; // stored before the links were kept
        if (lead.Evidence.Find(e => e.EvidenceId == interrupted.EvidenceId) is not { } original) return null;
        var decision = gate.Check(draft with { ResumesEvidenceId = interrupted.EvidenceId },
            leadFacts with { UnsubscribeUrl = interrupted.UnsubscribeUrl, FullDisclaimerUrl = interrupted.DisclaimerUrl });
        return decision.Outreach is { } outreach && outreach.MessageHash == interrupted.MessageHash && outreach.Subject == interrupted.Subject
            ? (decision, original)
            : null;
    }

    private static OutreachDraft Draft(LeadDocument lead, OutreachRequest request) => new()
    {
        LeadId = lead.Id,
        Channel = request.Channel,
        Condition = lead.Inquiry?.Condition ?? string.Empty,
        Language = request.Language ?? lead.Person?.Language ?? "en",
        Subject = request.Subject,
        Body = request.Body,
        Author = request.Author,
        Recipient = LeadFacts.RecipientFor(lead, request.Channel) ?? string.Empty,
        Approval = request.Approval,
        ApprovedContent = request.ApprovedContent,
    };

    /// <summary>The blocked or held text, for the compliance officer (the evidence keeps only its hash).</summary>
    private static WithheldDraft Withheld(OutreachRequest request, OutreachDraft draft, EvidenceRecord evidence) => new()
    {
        EvidenceId = evidence.EvidenceId,
        At = evidence.DecidedAt,
        Decision = evidence.Decision,
        Channel = evidence.Channel,
        Language = draft.Language,
        Author = request.Author,
        Subject = request.Subject,
        Body = request.Body,
    };

    private static DateTimeOffset FirstSubmittedAt(LeadDocument lead) =>
        lead.Timeline.Where(e => e.Kind == TimelineKind.Submitted).Select(e => (DateTimeOffset?)e.At).Min() ?? lead.CreatedAt;

    private static void MarkSent(LeadDocument lead, OutreachRecord r, DateTimeOffset now, Guid? conversationId)
    {
        r.Status = OutreachStatus.Sent;
        var details = Details(r);
        if (r.ReadConfirmedBy is { } by) details["readAloudConfirmedBy"] = by;
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.OutreachSent,
            Summary = r.Channel == ChannelNames.Phone
                ? $"Call made; disclaimer read aloud ({string.Join(", ", r.DisclaimerVersions)})"
                : $"{Label(r.Kind)} sent by {r.Channel} with {string.Join(", ", r.DisclaimerVersions)}",
            Actor = r.ReadConfirmedBy ?? r.Author,
            Details = details,
        });
        lead.Enqueue(new OutreachSent
        {
            LeadId = lead.Id,
            OutreachId = r.Id,
            OccurredAt = now,
            Channel = r.Channel,
            MessageHash = r.MessageHash,
            DisclaimerVersions = [.. r.DisclaimerVersions],
            EvidenceId = r.EvidenceId,
        }, now, conversationId ?? (lead.QuoteRequestIds.Count > 0 ? lead.QuoteRequestIds[^1] : null), lead.Id);
        if (r.Kind == OutreachKinds.Coordinator && lead.Status == LeadStatus.New) lead.Status = LeadStatus.Contacted;
    }

    private static LeadPlatform.FollowUp.Reviews.ReviewItem ReviewItem(Guid leadId, OutreachRequest request, GateCheck check, Guid reviewId) => new()
    {
        Id = reviewId,
        LeadId = leadId,
        Channel = ChannelNames.Of(request.Channel),
        Language = check.Draft.Language,
        Condition = check.Draft.Condition,
        Author = request.Author,
        CreatedAt = check.Now,
        Draft = new LeadPlatform.FollowUp.Reviews.ReviewText { Subject = request.Subject, Body = request.Body },
        Findings = [.. check.Decision.Violations.Select(LeadPlatform.FollowUp.Reviews.ReviewFinding.From)],
        HeldEvidenceId = check.Evidence.EvidenceId,
        ApprovedContent = [.. request.ApprovedContent.Select(a => a.Id).Distinct()],
    };

    private static OutreachRecord SendingRecord(OutreachRequest request, GateCheck check, ClearedOutreach outreach) => new()
    {
        Id = outreach.OutreachId,
        Kind = request.Kind,
        Key = request.Key,
        Channel = ChannelNames.Of(outreach.Channel),
        Status = OutreachStatus.Sending,
        Author = outreach.Author,
        Recipient = outreach.Recipient,
        Subject = outreach.Subject,
        Message = outreach.Message,
        MessageHash = outreach.MessageHash,
        DisclaimerVersions = [.. outreach.Disclaimers.Select(d => $"{d.Id}@{d.Version}")],
        EvidenceId = check.Evidence.EvidenceId,
        UnsubscribeUrl = check.Facts.UnsubscribeUrl,
        DisclaimerUrl = check.Facts.FullDisclaimerUrl,
        CreatedAt = check.Now,
        ValidUntil = StoredTime.Truncate(outreach.ValidUntil),
        ReviewId = request.Approval?.ReviewId,
        ReviewedBy = request.Approval?.Reviewer,
    };

    private static void IssueCallScript(LeadDocument lead, OutreachRecord r, DateTimeOffset now)
    {
        r.Status = OutreachStatus.AwaitingReadConfirmation;
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.CallScriptIssued,
            Summary = $"Call script issued to {r.Author}: the disclaimer must be read aloud and confirmed",
            Actor = r.Author,
            Details = Details(r),
        });
    }

    private static TimelineEntry BlockedEntry(OutreachRequest request, ComplianceDecision decision, EvidenceRecord evidence, DateTimeOffset now)
    {
        var rules = decision.Violations.Select(v => v.Rule).Distinct().ToList();
        var details = new Dictionary<string, string>
        {
            ["kind"] = request.Kind,
            ["channel"] = ChannelNames.Of(request.Channel),
            ["evidenceId"] = evidence.EvidenceId.ToString("D"),
            ["rules"] = string.Join(", ", rules),
            ["reasons"] = string.Join(" | ", decision.Violations.Select(v => v.Field is null ? v.Advice : $"{v.Rule} in {v.Field}")),
        };
        if (request.Key is { } key) details["key"] = key;
        if (decision.NextAllowedAt is { } next) details["nextAllowedAt"] = StoredTime.Truncate(next).ToString("O", CultureInfo.InvariantCulture);
        return new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.OutreachBlocked,
            Summary = $"{Label(request.Kind)} by {ChannelNames.Of(request.Channel)} blocked by the compliance check: {string.Join(", ", rules)}"
                      + (decision.NextAllowedAt is { } at ? $" (allowed again from {at:u})" : string.Empty),
            Actor = request.Author,
            Details = details,
        };
    }

    private static TimelineEntry HeldEntry(OutreachRequest request, ComplianceDecision decision, EvidenceRecord evidence, Guid reviewId, DateTimeOffset now)
    {
        var rules = decision.Violations.Select(v => v.Rule).Distinct().ToList();
        var details = new Dictionary<string, string>
        {
            ["kind"] = request.Kind,
            ["channel"] = ChannelNames.Of(request.Channel),
            ["evidenceId"] = evidence.EvidenceId.ToString("D"),
            ["reviewId"] = reviewId.ToString("D"),
            ["rules"] = string.Join(", ", rules),
            ["reasons"] = string.Join(" | ", decision.Violations.Select(v => v.Advice).Distinct()),
        };
        if (request.Key is { } key) details["key"] = key;
        return new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.OutreachHeld,
            Summary = $"{Label(request.Kind)} by {ChannelNames.Of(request.Channel)} sent for review by a compliance officer: {string.Join(", ", rules)}",
            Actor = request.Author,
            Details = details,
        };
    }

    private static Dictionary<string, string> Details(OutreachRecord r)
    {
        var details = new Dictionary<string, string>
        {
            ["outreachId"] = r.Id.ToString("D"),
            ["evidenceId"] = r.EvidenceId.ToString("D"),
            ["kind"] = r.Kind,
            ["channel"] = r.Channel,
            ["disclaimers"] = string.Join(", ", r.DisclaimerVersions),
            ["messageHash"] = r.MessageHash,
        };
        if (r.Key is { } key) details["key"] = key;
        if (r.ReviewedBy is { } reviewer) details["approvedBy"] = reviewer;
        if (r.ReviewId is { } reviewId) details["reviewId"] = reviewId.ToString("D");
        return details;
    }

    private static string Label(string kind) => kind switch
    {
        OutreachKinds.Acknowledgement => "Acknowledgement",
        OutreachKinds.OptOutConfirmation => "Opt-out confirmation",
        _ => "Outreach",
    };

    private void LogDecision(Guid leadId, Guid? outreachId, OutreachChannel channel, ComplianceDecision decision, EvidenceRecord evidence)
    {
        if (decision.Cleared)
        {
            logger.LogInformation("Compliance {Decision} {Channel} outreach {OutreachId} for lead {LeadId} (evidence {EvidenceId}, disclaimers {DisclaimerVersions})",
                decision.Decision, ChannelNames.Of(channel), outreachId, leadId, evidence.EvidenceId, evidence.DisclaimerVersions);
            return;
        }

        var rules = decision.Violations.Select(v => v.Rule).Distinct().ToArray();
        logger.LogInformation("Compliance {Decision} {Channel} outreach for lead {LeadId} (evidence {EvidenceId}): {Rules}",
            decision.Decision, ChannelNames.Of(channel), leadId, evidence.EvidenceId, rules);
        foreach (var rule in rules)
        {
            logger.LogInformation("Compliance rule {Rule} {Decision} {Channel} outreach for lead {LeadId}", rule, decision.Decision, ChannelNames.Of(channel), leadId);
        }
    }

    private Task<OutreachRecord?> UpdateRecordAsync(Guid leadId, LeadDocument held, Guid outreachId, Func<LeadDocument, OutreachRecord, DateTimeOffset, bool> apply) =>
        UpdateRecordAsync(leadId, held, outreachId, apply, CancellationToken.None);

    private Task<OutreachRecord?> UpdateRecordAsync(Guid leadId, Guid outreachId, Func<LeadDocument, OutreachRecord, DateTimeOffset, bool> apply,
        CancellationToken cancellationToken) => UpdateRecordAsync(leadId, held: null, outreachId, apply, cancellationToken);

    /// <param name="held">The lead as this process last wrote it, used for the first attempt instead of a read (null: read it).</param>
    private async Task<OutreachRecord?> UpdateRecordAsync(Guid leadId, LeadDocument? held, Guid outreachId, Func<LeadDocument, OutreachRecord, DateTimeOffset, bool> apply,
        CancellationToken cancellationToken)
    {
        OutreachRecord? record = null;
        await store.UpdateAsync(leadId, (lead, _) =>
        {
            record = lead.Outreach.Find(o => o.Id == outreachId);
            return record is not null && apply(lead, record, time.UtcNow());
        }, new UpdateOptions<LeadDocument> { Held = held }, cancellationToken);
        return record;
    }

    /// <summary>What the gate made of one attempt's draft, with the time and the lead's facts it was checked at.</summary>
    private sealed record GateCheck(DateTimeOffset Now, OutreachDraft Draft, LeadComplianceFacts Facts, ComplianceDecision Decision, EvidenceRecord Evidence);

    /// <summary>A cleared outreach stored as <c>sending</c>: the lead as this send wrote it, its record, and what the channel gets.</summary>
    private sealed record SendingOutreach(LeadDocument Lead, OutreachRecord Record, ClearedOutreach Cleared);

    /// <summary>
    /// What checking and recording came to: <see cref="Ended"/> ends the send with nothing to deliver (not found, handled
    /// before, held, blocked), <see cref="ToDeliver"/> is the outreach recorded as sending.
    /// </summary>
    private readonly record struct Attempt(OutreachOutcome? Ended, SendingOutreach? ToDeliver)
    {
        public static Attempt End(OutreachOutcome outcome) => new(outcome, null);

        public static Attempt Deliver(SendingOutreach sending) => new(null, sending);
    }
}
