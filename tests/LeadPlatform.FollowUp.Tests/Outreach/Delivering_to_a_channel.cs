using System.Text;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Channels;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Outreach;

/// <summary>The file channels and the retry in front of them: one OutreachId, one message, whatever happens.</summary>
public sealed class Delivering_to_a_channel : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-channels-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(18), TimeSpan.Zero));
    private readonly FollowUpOptions _options = new() { ClinicPostalAddress = OutreachHost.ClinicAddress, PublicBaseUrl = "https://followup.clinic.example" };
    private readonly PublicLinks _links;
    private readonly OutboxFolder _outbox;

    public Delivering_to_a_channel()
    {
        _links = new PublicLinks(Options.Create(_options), new UnsubscribeTokens(Encoding.UTF8.GetBytes(_options.UnsubscribeKey), _time),
            new DisclaimerLinkTokens(Encoding.UTF8.GetBytes(_options.UnsubscribeKey)), new ServiceCollection().BuildServiceProvider());
        _outbox = new OutboxFolder(_folder);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_the_same_OutreachId_and_one_message_results()
    {
        var cleared = Clear(OutreachChannel.Email);
        var email = new FileEmailChannel(_outbox, Options.Create(_options), _time);
        // Fails twice after writing: the worst case, where the message left but the receipt was lost.
        var flaky = new FlakyChannel(email, failures: 2);
        var delivery = new ChannelDelivery([flaky], Options.Create(_options), NullLogger<ChannelDelivery>.Instance);

        var receipt = await delivery.SendAsync(cleared, TestContext.Current.CancellationToken);

        Assert.Equal(3, flaky.Calls);
        Assert.Equal([cleared.OutreachId], flaky.OutreachIds.Distinct());
        Assert.Equal(cleared.OutreachId, receipt.OutreachId);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "email")));
        Assert.Equal($"{cleared.OutreachId}.eml", Path.GetFileName(file));
    }

    [Fact]
    public async Task The_same_outreach_delivered_twice_is_one_file_with_the_message_as_cleared()
    {
        var cleared = Clear(OutreachChannel.Sms);
        var sms = new FileSmsChannel(_outbox, _time);

        await sms.SendAsync(cleared, TestContext.Current.CancellationToken);
        await sms.SendAsync(cleared, TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "sms")));
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!;
        Assert.Equal(cleared.Message, (string?)json["body"]);
        Assert.Equal("+14155550134", (string?)json["to"]);
        Assert.Equal(cleared.MessageHash, (string?)json["messageHash"]);
        Assert.Contains("Reply STOP to opt out", cleared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_clearance_is_refused_and_nothing_is_written()
    {
        var cleared = Clear(OutreachChannel.Email);
        _time.Advance(TimeSpan.FromMinutes(16));
        var delivery = new ChannelDelivery([new FileEmailChannel(_outbox, Options.Create(_options), _time)], Options.Create(_options),
            NullLogger<ChannelDelivery>.Instance);

        await Assert.ThrowsAsync<ChannelRejectedException>(() => delivery.SendAsync(cleared, TestContext.Current.CancellationToken));

        Assert.False(Directory.Exists(Path.Combine(_folder, "email")));
    }

    [Fact]
    public void The_email_s_List_Unsubscribe_header_is_the_link_in_its_body()
    {
        var cleared = Clear(OutreachChannel.Email);

        var message = new FileEmailChannel(_outbox, Options.Create(_options), _time).Compose(cleared);

        var header = message.Headers["List-Unsubscribe"]!;
        Assert.StartsWith("<https://followup.clinic.example/unsubscribe/", header, StringComparison.Ordinal);
        Assert.Contains(header.Trim('<', '>'), message.TextBody!, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    private ClearedOutreach Clear(OutreachChannel channel)
    {
        var leadId = Guid.CreateVersion7();
        var granted = new ChannelConsent { Granted = true, Text = "I agree to be contacted.", TextVersion = "2026-11", GrantedAt = _time.GetUtcNow().AddDays(-1) };
        var decision = ComplianceGate.CreateDefault(_time).Check(
            new OutreachDraft
            {
                LeadId = leadId,
                Channel = channel,
                Condition = "spondylolysis",
                Language = "en",
                Subject = channel == OutreachChannel.Email ? "Your request" : null,
                Body = "We received your request. A coordinator will contact you.",
                Author = "test",
                Recipient = channel == OutreachChannel.Email ? "maria.lopez@fastmail.com" : "+14155550134",
            },
            new LeadComplianceFacts
            {
                Consent = new ConsentSnapshot { Email = granted, Sms = granted, Phone = granted },
                ConsentedEmail = "maria.lopez@fastmail.com",
                ConsentedPhone = "+14155550134",
                Country = "US",
                PostalCode = "94110",
                ClinicPostalAddress = OutreachHost.ClinicAddress,
                UnsubscribeUrl = _links.UnsubscribeUrl(leadId),
                FullDisclaimerUrl = _links.FullDisclaimerUrl("spondylolysis"),
            });
        return decision.Outreach ?? throw new InvalidOperationException("Not cleared: " + string.Join(", ", decision.Violations.Select(v => v.Rule)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class FlakyChannel(IOutreachChannel inner, int failures) : IOutreachChannel
    {
        public List<Guid> OutreachIds { get; } = [];
        public int Calls => OutreachIds.Count;
        public OutreachChannel Channel => inner.Channel;

        public async Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
        {
            OutreachIds.Add(outreach.OutreachId);
            var receipt = await inner.SendAsync(outreach, ct);
            if (Calls <= failures) throw new IOException("connection reset after the message was accepted");
            return receipt;
        }
    }
}
