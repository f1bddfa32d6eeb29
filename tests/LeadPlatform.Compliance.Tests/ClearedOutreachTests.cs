using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using LeadPlatform.Contracts;

namespace LeadPlatform.Compliance.Tests;

public sealed class Only_the_gate_clears_an_outreach
{
    private static readonly Assembly Compliance = typeof(ComplianceGate).Assembly;

    [Fact]
    public void A_cleared_outreach_has_no_public_or_protected_constructor_and_cannot_be_derived()
    {
        var type = typeof(ClearedOutreach);

        Assert.True(type.IsSealed);
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.DoesNotContain(type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily || c.IsFamilyOrAssembly);
        Assert.DoesNotContain(type.GetProperties(), p => p.SetMethod is { IsPublic: true });
        Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        Assert.Null(type.GetMethod("<Clone>$")); // not a record: no 'with' copy to alter its text
    }

    [Fact]
    public void No_public_member_hands_out_a_cleared_outreach_except_the_gates_decision()
    {
        var offenders = new List<string>();
        foreach (var type in Compliance.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly))
            {
                var yields = Yields(method.ReturnType) || method.GetParameters().Any(p => p.ParameterType.IsByRef && Yields(p.ParameterType.GetElementType()!));
                if (yields && !(type == typeof(ComplianceDecision) && method.Name == "get_Outreach"))
                {
                    offenders.Add($"{type.Name}.{method.Name}");
                }
            }
        }

        Assert.Empty(offenders);
        Assert.Empty(typeof(ComplianceDecision).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Null(typeof(ComplianceDecision).GetProperty(nameof(ComplianceDecision.Outreach))!.SetMethod);
    }

    [Fact]
    public void A_channel_accepts_nothing_but_a_cleared_outreach()
    {
        var send = typeof(IOutreachChannel).GetMethod(nameof(IOutreachChannel.SendAsync))!;

        Assert.Equal(typeof(ClearedOutreach), send.GetParameters()[0].ParameterType);
    }

    public static TheoryData<string> BlockingScenarios() =>
    [
        "claim", "no consent", "opted out", "quiet hours", "frequency cap", "no disclaimer", "no unsubscribe link", "no time zone", "empty body",
    ];

    [Theory]
    [MemberData(nameof(BlockingScenarios))]
    public async Task A_blocked_outreach_never_yields_anything_a_channel_would_send(string scenario)
    {
        var draft = GateKit.Draft(OutreachChannel.Sms);
        var facts = GateKit.Facts();
        var at = GateKit.NoonInNewYork;
        switch (scenario)
        {
            case "claim": draft = draft with { Body = "Our cells r e p a i r your spine." }; break;
            case "no consent": facts = facts with { Consent = facts.Consent! with { Sms = new ChannelConsent { Granted = false } } }; break;
            case "opted out": facts = facts with { OptOuts = [OptOutScope.All] }; break;
            case "quiet hours": at = at.AddHours(10); break;
            case "frequency cap": facts = facts with { RecentOutreach = [.. Enumerable.Range(1, 3).Select(h => new PriorOutreach(OutreachChannel.Sms, at.AddHours(-h)))] }; break;
            case "no disclaimer": draft = draft with { Condition = "sciatica" }; break;
            case "no unsubscribe link": draft = GateKit.Draft(OutreachChannel.Email); facts = facts with { UnsubscribeUrl = null }; break;
            case "no time zone": facts = facts with { Country = null, PostalCode = null, ConsentedPhone = "+999" }; draft = draft with { Recipient = "+999" }; break;
            case "empty body": draft = draft with { Body = "   " }; break;
        }

        var decision = GateKit.Gate(at).Check(draft, facts);
        var channel = new RecordingChannel();
        if (decision.Outreach is { } outreach)
        {
            await channel.SendAsync(outreach, TestContext.Current.CancellationToken);
        }

        Assert.False(decision.Cleared);
        Assert.Equal("blocked", decision.Decision);
        Assert.NotEmpty(decision.Violations);
        Assert.Null(decision.Outreach);
        Assert.Empty(channel.Sent);
        Assert.Equal("blocked", decision.Evidence!.Decision);
    }

    [Fact]
    public async Task A_cleared_outreach_carries_exactly_the_message_the_evidence_describes()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), GateKit.Facts());
        var channel = new RecordingChannel();

        var receipt = await channel.SendAsync(decision.Outreach!, TestContext.Current.CancellationToken);

        var sent = Assert.Single(channel.Sent);
        Assert.Equal(decision.Message, sent.Message);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sent.Message))), sent.MessageHash);
        Assert.Equal(decision.Evidence!.MessageHash, sent.MessageHash);
        Assert.Equal(GateKit.Email, sent.Recipient);
        Assert.Equal(sent.OutreachId, receipt.OutreachId);
        Assert.True(sent.IsValidAt(GateKit.NoonInNewYork.AddMinutes(5)));
        Assert.False(sent.IsValidAt(GateKit.NoonInNewYork.AddMinutes(16)));
    }

    [Fact]
    public void A_preview_never_yields_an_outreach_even_when_the_text_is_clean()
    {
        var preview = GateKit.Gate().Preview("spondylolysis", OutreachChannel.Email, "Your quote", GateKit.HonestBody);

        Assert.True(preview.Cleared);
        Assert.Null(preview.Outreach);
        Assert.Null(preview.Evidence);
    }

    private static bool Yields(Type type)
        => type == typeof(ClearedOutreach)
           || (type.IsGenericType && type.GetGenericArguments().Any(Yields))
           || (type.IsArray && Yields(type.GetElementType()!));

    private sealed class RecordingChannel : IOutreachChannel
    {
        public List<ClearedOutreach> Sent { get; } = [];

        public OutreachChannel Channel => OutreachChannel.Email;

        public Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
        {
            Sent.Add(outreach);
            return Task.FromResult(new ChannelReceipt { OutreachId = outreach.OutreachId, Channel = outreach.Channel, AcceptedAt = outreach.ClearedAt });
        }
    }
}
