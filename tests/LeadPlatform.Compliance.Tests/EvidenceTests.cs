using System.Security.Cryptography;
using System.Text;

namespace LeadPlatform.Compliance.Tests;

public sealed class Evidence
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_cleared_decision_records_who_what_when_and_under_which_rules_disclaimers_and_consent()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), GateKit.Facts());
        var evidence = decision.Evidence!;

        Assert.Equal(GateKit.LeadId, evidence.LeadId);
        Assert.Equal("email", evidence.Channel);
        Assert.Equal("coordinator:maria", evidence.Author);
        Assert.Equal(GateKit.NoonInNewYork, evidence.DecidedAt);
        Assert.Equal("cleared", evidence.Decision);
        Assert.Equal(Sha256(decision.Message!), evidence.MessageHash);
        Assert.Equal(Sha256("Your quote"), evidence.SubjectHash);
        Assert.Equal(ClaimsScreen.LoadDefault().Version, evidence.RuleSetVersion);
        Assert.Contains("claims-es-", evidence.RuleSetVersion);
        Assert.Equal([decision.Disclaimers[0].Id + "@" + decision.Disclaimers[0].Version], evidence.DisclaimerVersions);
        Assert.Matches("^[0-9a-f]{64}$", evidence.ConsentHash);
        Assert.Equal(decision.Outreach!.OutreachId, evidence.OutreachId);
        Assert.Equal(decision.Outreach.EvidenceId, evidence.EvidenceId);
        Assert.All(evidence.RuleResults, r => Assert.Contains(r.Outcome, new[] { "passed", "not-applicable" }));
        foreach (var rule in ClaimsScreen.LoadDefault().RuleIds.Concat([ComplianceRules.ConsentMissing, ComplianceRules.OptedOut, ComplianceRules.FrequencyCap, ComplianceRules.QuietHours, ComplianceRules.DisclaimerMissing]))
        {
            Assert.Contains(evidence.RuleResults, r => r.Rule == rule);
        }
    }

    [Fact]
    public void A_blocked_decision_is_recorded_too_with_the_failed_rules()
    {
        var decision = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email, "Our therapy cures spondylolysis."), GateKit.Facts() with { OptOuts = [OptOutScope.Email] });
        var evidence = decision.Evidence!;

        Assert.Equal("blocked", evidence.Decision);
        Assert.Null(evidence.OutreachId);
        Assert.Equal("failed", evidence.RuleResults.Single(r => r.Rule == "claims.cure").Outcome);
        Assert.Contains("\"cures\"", evidence.RuleResults.Single(r => r.Rule == "claims.cure").Detail);
        Assert.Equal("failed", evidence.RuleResults.Single(r => r.Rule == ComplianceRules.OptedOut).Outcome);
    }

    [Fact]
    public void The_consent_reference_changes_when_the_consent_used_changes()
    {
        var facts = GateKit.Facts();
        var reworded = facts with { Consent = facts.Consent! with { Email = facts.Consent.Email with { Text = "Other wording", TextVersion = "consent-2025-06" } } };

        var first = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), facts).Evidence!.ConsentHash;
        var second = GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), reworded).Evidence!.ConsentHash;

        Assert.NotEqual(first, second);
        Assert.Equal("none", GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), facts with { Consent = null }).Evidence!.ConsentHash);
    }

    [Fact]
    public void A_chain_of_records_verifies_intact()
    {
        var chain = Chain(5);

        var result = EvidenceChain.Verify(chain);

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.RecordCount);
        Assert.Null(result.FirstBrokenIndex);
        Assert.Equal(EvidenceChain.Genesis, chain[0].PreviousHash);
        Assert.Equal(chain[3].Hash, chain[4].PreviousHash);
    }

    public static TheoryData<string> Fields() => [.. typeof(EvidenceRecord).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Tampering_with_any_field_breaks_the_chain_at_that_record(string field)
    {
        var chain = Chain(4);
        var property = typeof(EvidenceRecord).GetProperty(field)!;
        var tampered = chain[2] with { };
        property.SetValue(tampered, Tamper(property.GetValue(tampered), property.PropertyType));
        chain[2] = tampered;

        var result = EvidenceChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenIndex);
    }

    [Fact]
    public void Tampering_inside_a_rule_result_breaks_the_chain_at_that_record()
    {
        var chain = Chain(3);
        var results = chain[1].RuleResults.ToArray();
        results[0] = results[0] with { Outcome = results[0].Outcome == "passed" ? "failed" : "passed" };
        chain[1] = chain[1] with { RuleResults = results };

        Assert.Equal(1, EvidenceChain.Verify(chain).FirstBrokenIndex);
    }

    [Fact]
    public void Deleting_or_reordering_records_breaks_the_chain_where_it_happened()
    {
        var chain = Chain(5);

        Assert.Equal(2, EvidenceChain.Verify(chain.Where((_, i) => i != 2)).FirstBrokenIndex);
        Assert.Equal(1, EvidenceChain.Verify([chain[0], chain[2], chain[1], chain[3]]).FirstBrokenIndex);
        Assert.Equal(0, EvidenceChain.Verify(chain.Skip(1)).FirstBrokenIndex);
        Assert.True(EvidenceChain.Verify(chain.Skip(2), anchorHash: chain[1].Hash).IsIntact);
    }

    private static List<EvidenceRecord> Chain(int count)
    {
        var gate = GateKit.Gate();
        var records = new List<EvidenceRecord>();
        EvidenceRecord? previous = null;
        for (var i = 0; i < count; i++)
        {
            var channel = (OutreachChannel)(i % 3);
            var body = i % 2 == 0 ? GateKit.HonestBody : "It is FDA approved.";
            var linked = EvidenceChain.Link(gate.Check(GateKit.Draft(channel, body), GateKit.Facts()).Evidence!, previous);
            records.Add(linked);
            previous = linked;
        }

        return records;
    }

    private static object? Tamper(object? value, Type type) => value switch
    {
        string s => s + "x",
        Guid g => g == Guid.Empty ? Guid.NewGuid() : Guid.Empty,
        long l => l + 1,
        DateTimeOffset d => d.AddSeconds(1),
        string[] a => a.Append("evil@1").ToArray(),
        EvidenceRuleResult[] r => r.Append(new EvidenceRuleResult { Rule = "evil", Outcome = "passed" }).ToArray(),
        null when type == typeof(string) => "x",
        null when type == typeof(Guid?) => Guid.NewGuid(),
        _ => throw new InvalidOperationException($"No tampering for {type}"),
    };
}
