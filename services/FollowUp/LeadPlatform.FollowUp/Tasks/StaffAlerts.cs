using System.Text.Json;
using LeadPlatform.FollowUp.Channels;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// Tells a coordinator a lead was assigned to them, at their own work address or number when their account has one. Staff
/// alerts go to staff, not to the patient, so they do not pass the compliance gate: they carry the lead's first name, the
/// tier and a link to the lead page, and no health details. By email over <c>FollowUp:Smtp</c> when it is set, otherwise
/// (and for texts) as files in <c>{outbox}/staff-email</c> and <c>{outbox}/staff-sms</c>, once per assignment. An alert
/// that cannot be delivered is logged and never fails the assignment. (The dashboard's own alert, a browser notification
/// and sound, reads the assignment itself: <c>GET /api/v1/alerts</c>.)
/// </summary>
public sealed class StaffAlerts(ILeadStore store, ICoordinatorRoster roster, OutboxFolder outbox, IServiceProvider services, IOptions<FollowUpOptions> options,
    ILogger<StaffAlerts> logger)
{
    public async Task TaskAssignedAsync(Guid leadId, Coordinator to, bool reoffered, CancellationToken cancellationToken)
    {
        try
        {
            var coordinator = (await roster.GetCoordinatorsAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Id, to.Id, StringComparison.OrdinalIgnoreCase)) ?? to;
            if (coordinator.AlertEmail is null && coordinator.AlertPhone is null) return;
            var lead = await store.GetAsync(leadId, cancellationToken);
            var task = lead?.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open && string.Equals(t.AssignedTo, coordinator.Id, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(t => t.AssignedAt).FirstOrDefault();
            if (lead is null || task is null) return;
            var alert = Compose(lead, task, reoffered);
            // One alert per assignment: the same task given to the same person at the same time is the same file.
            var alertId = AlertId(task.Id, coordinator.Id, task.AssignedAt);
            if (coordinator.AlertEmail is { } email) await EmailAsync(alertId, email, alert, cancellationToken);
            if (coordinator.AlertPhone is { } phone)
            {
                var path = outbox.FileFor("staff-sms", alertId, "json");
                await OutboxFolder.WriteOnceAsync(path, (stream, ct) => JsonSerializer.SerializeAsync(stream, new { to = phone, body = alert.Text }, cancellationToken: ct), cancellationToken);
            }
            logger.LogInformation("Staff alert for follow-up task {TaskId} sent to its coordinator {AssigneeId}", task.Id, coordinator.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The staff alert for lead {LeadId} could not be delivered to coordinator {AssigneeId}", leadId, to.Id);
        }
    }

    /// <summary>The words of an alert: first name, tier and link only (no condition, no message, no contact details).</summary>
    public (string Subject, string Text) Compose(LeadDocument lead, FollowUpTask task, bool reoffered)
    {
        var first = lead.Person?.FirstName is { Length: > 0 } f ? f : "A new lead";
        var link = $"{services.GetRequiredService<PublicLinks>().BaseUrl}/dashboard/leads/{lead.Id}";
        var subject = reoffered ? $"Re-offered to you: tier {task.Tier} lead {first}" : $"New tier {task.Tier} lead for you: {first}";
        var text = reoffered
            ? $"{first} (tier {task.Tier}) was not opened in time and is now yours. Open: {link}"
            : $"{first} (tier {task.Tier}) was assigned to you. Open: {link}";
        return (subject, text);
    }

    internal static Guid AlertId(Guid taskId, string coordinatorId, DateTimeOffset? at)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{taskId:N}|{coordinatorId.ToLowerInvariant()}|{at?.UtcTicks}"));
        return new Guid(bytes.AsSpan(0, 16));
    }

    private async Task EmailAsync(Guid alertId, string address, (string Subject, string Text) alert, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = alert.Subject, MessageId = $"{alertId:N}@staff-alerts.leadplatform" };
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.FromAddress is { Length: > 0 } from ? from : options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(address));
        message.Body = new TextPart("plain") { Text = alert.Text };
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            await OutboxFolder.WriteOnceAsync(outbox.FileFor("staff-email", alertId, "eml"), (stream, ct) => message.WriteToAsync(stream, ct), cancellationToken);
            return;
        }
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
