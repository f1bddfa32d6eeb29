using LeadPlatform.Compliance;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Outreach;

/// <summary>Issue 19: follow-up's claims screen adds the English semantic second opinion only when configured.</summary>
public sealed class Choosing_the_semantic_second_opinion
{
    [Fact]
    public async Task The_gate_screens_with_rules_alone_unless_configured()
    {
        await using var host = await OutreachHost.StartAsync();

        Assert.False(host.Host.App.Services.GetRequiredService<ComplianceGate>().Claims.HasSemanticSecondOpinion);
    }

    [Fact]
    public async Task Compliance_SemanticSecondOpinion_true_adds_it_to_the_gate()
    {
        await using var host = await OutreachHost.StartAsync(null, "--Compliance:SemanticSecondOpinion=true");

        Assert.True(host.Host.App.Services.GetRequiredService<ComplianceGate>().Claims.HasSemanticSecondOpinion);
    }
}
