using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.TestSupport;
using MassTransit;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// A scheduled text survives <c>kill -9</c> of follow-up and is sent once after its time, on a real RabbitMQ (a private
/// virtual host): follow-up runs as its own process on its own LiteDB folder. The time passes for real, driven by
/// configuration rather than a sleep: counsel's table (<c>Compliance:ContactRulesFile</c>) opens the default country row's
/// window a minute or two from now in Reykjavik (UTC all year, so no daylight-saving change can move it), for a lead in
/// Iceland. The text is scheduled while the window is shut, follow-up is killed and started again, and the test waits on
/// the scheduled item's status.
/// </summary>
public sealed class Scheduled_outreach_across_a_restart(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Reykjavik = TimeZoneInfo.FindSystemTimeZoneById("Atlantic/Reykjavik");

    [Fact]
    public async Task A_text_scheduled_before_follow_up_is_killed_is_sent_once_after_its_time_by_the_restarted_process()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        var dataRoot = Directory.CreateTempSubdirectory("leadplatform-scheduled-kill-").FullName;
        var (rulesFile, opensAt) = RulesOpeningSoon(dataRoot);
        string[] arguments =
        [
            .. DistributedServices.ArgumentsFor("followup", uri, dataRoot),
            $"--Compliance:ContactRulesFile={rulesFile}",
            "--FollowUp:Scheduling:PollInterval=00:00:01",
        ];
        var dll = ServiceProcess.HostDll("FollowUp");

        // Every OutreachSent on the broker, counted by a subscriber of the test's own.
        var sentEvents = new List<OutreachSent>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            LeadPlatform.ServiceDefaults.Messaging.BusExtensions.ConfigureHost(cfg, new Uri(uri));
            cfg.ReceiveEndpoint($"test-outreach-sent-{Guid.NewGuid():N}", e => e.Handler<OutreachSent>(context =>
            {
                lock (sentEvents) sentEvents.Add(context.Message);
                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var first = ServiceProcess.Start(dll, arguments);
            Guid leadId, scheduledId;
            DateTimeOffset scheduledFor;
            try
            {
                await first.WaitUntilReadyAsync(output);
                var submitted = InIceland(SampleMessages.QuoteRequestSubmitted());
                leadId = submitted.LeadId;
                await bus.Publish(submitted, TestContext.Current.CancellationToken);
                await Eventually.GetAsync(() => first.Http.GetAsync($"/api/v1/leads/{leadId}"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the lead in follow-up");

                using var response = await first.Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach",
                    new { channel = "sms", body = "Hi Maria, your quote is ready: may I call you about it?", author = "coordinator.ana", whenNotAllowedNow = "schedule" });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                var scheduled = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                Assert.Equal("scheduled", (string?)scheduled["status"]);
                scheduledId = (Guid)scheduled["outreachId"]!;
                scheduledFor = (DateTimeOffset)scheduled["scheduledFor"]!;
                Assert.Equal(opensAt, scheduledFor);
            }
            finally
            {
                first.Kill(); // kill -9, while the text waits
                await first.DisposeAsync();
            }
            Assert.True(DateTimeOffset.UtcNow < scheduledFor, "the kill came before the text's time");
            Assert.Empty(SmsOutbox(dataRoot));

            await using var restarted = ServiceProcess.Start(dll, arguments);
            await restarted.WaitUntilReadyAsync(output);
            var done = await Eventually.GetAsync(
                async () => (await restarted.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}/scheduled-outreach/{scheduledId}"))!,
                s => (string?)s["status"] != "scheduled", TimeSpan.FromMinutes(5), "the scheduled text to be handled after its time");

            Assert.Equal("sent", (string?)done["status"]);
            Assert.True(DateTimeOffset.UtcNow >= scheduledFor);
            var files = SmsOutbox(dataRoot);
            output.WriteLine($"sms outbox: {string.Join(", ", files.Select(Path.GetFileName))}");
            Assert.Equal([$"{scheduledId:D}.json"], files.Select(Path.GetFileName));
            var evidence = (await restarted.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}/evidence"))!;
            var records = evidence["records"]!.AsArray();
            Assert.Single(records, r => (string?)r!["outreachId"] == scheduledId.ToString("D"));
            var sent = await Eventually.GetAsync(() => Task.FromResult(Snapshot(sentEvents)), e => e.Any(m => m.OutreachId == scheduledId),
                TimeSpan.FromSeconds(60), "OutreachSent on the broker");
            Assert.Single(sent, m => m.OutreachId == scheduledId);
        }
        finally
        {
            await bus.StopAsync(TestContext.Current.CancellationToken);
            try
            {
                Directory.Delete(dataRoot, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static List<OutreachSent> Snapshot(List<OutreachSent> events)
    {
        lock (events) return [.. events];
    }

    private static string[] SmsOutbox(string dataRoot)
    {
        var folder = Path.Combine(dataRoot, "followup", "outbox", "sms");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [];
    }

    private static QuoteRequestSubmitted InIceland(QuoteRequestSubmitted submitted) => submitted with
    {
        Person = submitted.Person with { Country = "IS", PostalCode = "101", Phone = "+3546111234" },
        Consent = submitted.Consent with
        {
            Sms = new ChannelConsent { Granted = true, Text = "I agree to receive text messages about my inquiry.", TextVersion = "2026-11", GrantedAt = submitted.OccurredAt },
        },
    };

    /// <summary>
    /// The embedded table with the default country row's window opening at the start of the minute after next in
    /// Reykjavik (60-120 s away) and closing at 23:59; shortly before midnight, 00:02-00:30 instead. Every other row as shipped.
    /// </summary>
    private static (string Path, DateTimeOffset OpensAt) RulesOpeningSoon(string folder)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Reykjavik);
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Offset).AddMinutes(2);
        var until = "23:59";
        if (start.TimeOfDay >= new TimeSpan(23, 58, 0) || start.Date != now.Date)
        {
            // Too close to midnight: 00:02-00:30 tomorrow (shut now, open in at most a few minutes).
            start = new DateTimeOffset(now.Date.AddDays(1).AddMinutes(2), now.Offset);
            until = "00:30";
        }
        var json = JsonNode.Parse(EmbeddedRules())!;
        json["version"] = "scheduled-restart-test-1";
        var row = json["rules"]!.AsArray().Single(r => r!["jurisdictions"]!.AsArray().Any(j => (string?)j == ContactRuleTable.AnyCountry))!;
        row["window"] = new JsonObject { ["from"] = start.ToString("HH:mm", CultureInfo.InvariantCulture), ["until"] = until };
        var path = Path.Combine(folder, "contact-rules.json");
        File.WriteAllText(path, json.ToJsonString());
        return (path, start.ToUniversalTime());
    }

    private static string EmbeddedRules()
    {
        var assembly = typeof(ContactRuleTable).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("contact-rules.json", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
