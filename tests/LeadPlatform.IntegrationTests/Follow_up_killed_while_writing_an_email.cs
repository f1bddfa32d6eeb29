using LeadPlatform.Contracts;
using LeadPlatform.FollowUp;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Follow-up killed in the middle of writing an acknowledgement email, on a real RabbitMQ: what the crash leaves is
/// made on disk and on the broker (the outreach recorded as sending, half a message in a <c>.tmp</c> file of the email
/// outbox, the task's event delivered but never acknowledged), then a new follow-up host starts on the same folder.
/// The fault run found the orphaned <c>.tmp</c> files never cleaned, a false "text changed" warning (each clearance
/// issues fresh link tokens into the text) and a second evidence record for the one email.
/// </summary>
public sealed class Follow_up_killed_while_writing_an_email(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    private const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";

    [Fact]
    public async Task The_restarted_host_deletes_the_half_written_file_and_sends_the_email_once_with_its_one_evidence_record()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        var dataRoot = Directory.CreateTempSubdirectory("leadplatform-email-kill-").FullName;
        string[] arguments = [.. DistributedServices.ArgumentsFor("followup", uri, dataRoot), $"--FollowUp:ClinicPostalAddress={ClinicAddress}"];
        var emails = Path.Combine(dataRoot, "followup", "outbox", "email");

        // A lead acknowledged by email, as it goes.
        Guid leadId, outreachId, evidenceId;
        string messageHash;
        FollowUpTaskCreated taskCreated;
        await using (var first = await RunningHost.StartAsync(FollowUpHost.Build, arguments))
        {
            var bus = first.App.Services.GetRequiredService<IBus>();
            var submitted = SampleMessages.QuoteRequestSubmitted() with { };
            leadId = submitted.LeadId;
            await bus.Publish(submitted, TestContext.Current.CancellationToken);
            await bus.Publish(SampleMessages.LeadQualified(leadId, submitted.QuoteRequestId), TestContext.Current.CancellationToken);
            var store = first.App.Services.GetRequiredService<ILeadStore>();
            var lead = await Eventually.GetAsync(() => store.GetAsync(leadId), l => l?.Outreach.Exists(o => o.Kind == OutreachKinds.Acknowledgement && o.Status == OutreachStatus.Sent) == true,
                TimeSpan.FromSeconds(60), "the acknowledgement");
            var acknowledgement = lead!.Outreach.Single(o => o.Kind == OutreachKinds.Acknowledgement);
            (outreachId, evidenceId, messageHash) = (acknowledgement.Id, acknowledgement.EvidenceId, acknowledgement.MessageHash);
            var task = lead.Tasks.Single();
            taskCreated = new FollowUpTaskCreated
            {
                LeadId = leadId, TaskId = task.Id, QuoteRequestId = task.QuoteRequestId, OccurredAt = task.CreatedAt, Tier = task.Tier, DueAt = task.DueAt,
            };

            // The crash, undone to the moment the channel was writing: recorded as sending, nothing sent on the timeline,
            // half of the message in the write's temporary file and no .eml.
            acknowledgement.Status = OutreachStatus.Sending;
            acknowledgement.SentAt = null;
            lead.Timeline.RemoveAll(e => e.Kind.Name() == "outreach_sent" && e.Details.GetValueOrDefault("outreachId") == outreachId.ToString("D"));
            await store.ReplaceAsync(lead);
            var eml = Path.Combine(emails, $"{outreachId:D}.eml");
            var text = await File.ReadAllBytesAsync(eml);
            await File.WriteAllBytesAsync($"{eml}.{Guid.NewGuid():N}.tmp", text[..(text.Length / 2)]);
            File.Delete(eml);
        }
        Assert.Single(Directory.GetFiles(emails, "*.tmp"));

        // The task's event taken by the killed process and never acknowledged: back in the queue, marked redelivered.
        await RedeliverAsync(uri, taskCreated);

        await using var restarted = await RunningHost.StartAsync(FollowUpHost.Build, arguments);
        var leads = restarted.App.Services.GetRequiredService<ILeadStore>();
        var resumed = await Eventually.GetAsync(() => leads.GetAsync(leadId),
            l => l?.Outreach.Single(o => o.Id == outreachId).Status == OutreachStatus.Sent, TimeSpan.FromSeconds(60), "the interrupted acknowledgement to be sent");

        Assert.Empty(Directory.GetFiles(emails, "*.tmp"));
        Assert.Equal([$"{outreachId:D}.eml"], Directory.GetFiles(emails).Select(Path.GetFileName));
        var record = resumed!.Outreach.Single(o => o.Id == outreachId);
        output.WriteLine($"evidence records of the acknowledgement: {resumed.Evidence.Count(e => e.OutreachId == outreachId)}");
        Assert.Single(resumed.Evidence, e => e.OutreachId == outreachId);
        Assert.Equal(evidenceId, record.EvidenceId);
        Assert.Equal(messageHash, record.MessageHash); // the same text: nothing "changed since"
        Assert.Single(resumed.Timeline, e => e.Kind.Name() == "outreach_sent" && e.Details.GetValueOrDefault("outreachId") == outreachId.ToString("D"));
        var sentMail = await File.ReadAllTextAsync(Path.Combine(emails, $"{outreachId:D}.eml"));
        Assert.Contains(evidenceId.ToString("D"), sentMail, StringComparison.Ordinal);
        try
        {
            Directory.Delete(dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    /// <summary>Publishes the event to follow-up's acknowledgement queue, takes it without acknowledging and lets it go back: redelivered, as after a kill.</summary>
    private static async Task RedeliverAsync(string uri, FollowUpTaskCreated message)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => LeadPlatform.ServiceDefaults.Messaging.BusExtensions.ConfigureHost(cfg, new Uri(uri)));
        await bus.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await bus.Publish(message, TestContext.Current.CancellationToken);
        }
        finally
        {
            await bus.StopAsync(TestContext.Current.CancellationToken);
        }
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var taken = await Eventually.GetAsync(() => channel.BasicGetAsync("followup-acknowledgement", autoAck: false), g => g is not null,
            TimeSpan.FromSeconds(30), "the event in follow-up's acknowledgement queue");
        await channel.BasicNackAsync(taken!.DeliveryTag, multiple: false, requeue: true);
    }
}
