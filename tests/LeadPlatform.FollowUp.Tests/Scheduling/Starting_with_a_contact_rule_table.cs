namespace LeadPlatform.FollowUp.Tests.Scheduling;

/// <summary>Compliance:ContactRulesFile: counsel's table is validated at start, and a bad one stops the host with every problem named.</summary>
public sealed class Starting_with_a_contact_rule_table
{
    [Fact]
    public async Task A_table_that_does_not_validate_stops_the_host_naming_the_file_and_the_field()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("leadplatform-rules-").FullName, "contact-rules.json");
        await File.WriteAllTextAsync(file, """
            { "version": "counsel-1", "rules": [
              { "id": "x", "version": "1", "title": "X", "source": "Y", "jurisdictions": ["country:*"], "channels": ["sms"], "window": { "from": "21:00", "until": "08:00" } } ] }
            """, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => OutreachHost.StartAsync(null, $"--Compliance:ContactRulesFile={file}"));

        var message = error.ToString();
        Assert.Contains("Compliance:ContactRulesFile", message);
        Assert.Contains("rules[0].window", message);
    }

    [Fact]
    public async Task A_valid_table_is_the_one_in_force()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("leadplatform-rules-").FullName, "contact-rules.json");
        await File.WriteAllTextAsync(file, """
            { "version": "counsel-2", "rules": [
              { "id": "default", "version": "1", "title": "Default", "source": "Product policy", "jurisdictions": ["country:*"], "channels": ["sms", "phone"], "window": { "from": "09:00", "until": "17:00" } } ] }
            """, TestContext.Current.CancellationToken);
        await using var host = await OutreachHost.StartAsync(null, $"--Compliance:ContactRulesFile={file}");

        var gate = (Compliance.ComplianceGate)host.Host.App.Services.GetService(typeof(Compliance.ComplianceGate))!;

        Assert.Equal("counsel-2", gate.ContactRules.Version);
    }
}
