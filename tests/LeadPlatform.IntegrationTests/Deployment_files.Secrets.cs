using System.Security.Cryptography;
using System.Text.Json;
using LeadPlatform.FollowUp;
using LeadPlatform.Intake;
using LeadPlatform.ServiceDefaults.Security;
using LeadPlatform.Standalone;
using LeadPlatform.Storage.Privacy;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Refusing_unsafe_secrets_in_production: every distributed host refuses to start outside Development when a secret is
/// missing, too short, a placeholder or a value published in this repository, and says which setting and how to make one.
/// </summary>
public sealed partial class Deployment_files
{
    [Theory]
    [InlineData("Intake")]
    [InlineData("Qualification")]
    [InlineData("FollowUp")]
    public void Refusing_unsafe_secrets_in_production_each_host_refuses_the_env_example_values_naming_the_settings(string service)
    {
        var (name, _, definition) = AppServices().Single(s => s.Service == service);
        var arguments = ComposeEnvironment(definition, name).Select(e => $"--{e.Key}={e.Value}").ToArray();

        var refused = Assert.Throws<InvalidOperationException>(() => Services[service].Build(arguments));

        output.WriteLine(refused.Message);
        Assert.Contains("refuses to start in the Production environment", refused.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Privacy:EncryptionKeys:k1", refused.Message, StringComparison.Ordinal); // all zeros, all ones, all twos
        Assert.Contains("Bus:RabbitMqUri: its password is a placeholder", refused.Message, StringComparison.Ordinal);
        var expected = service switch
        {
            "Intake" => new[] { "Intake:PersonKeySecret", "Intake:Sites:clinic:ApiKey", "Privacy:LookupKeySecret: not set" },
            "Qualification" => ["Qualification:OperatorApiKey", "Privacy:LookupKeySecret: not set"],
            _ => ["FollowUp:UnsubscribeKey", "Auth:BootstrapAdmin:Password", "Privacy:LookupKeySecret: a placeholder"],
        };
        foreach (var setting in expected) Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAAAAA", refused.Message, StringComparison.Ordinal); // names, never values
    }

    [Theory]
    [InlineData("Intake", "Intake:PersonKeySecret")]
    [InlineData("Qualification", "Privacy:LookupKeySecret")]
    [InlineData("FollowUp", "Privacy:LookupKeySecret")]
    public void Refusing_unsafe_secrets_in_production_each_host_refuses_to_start_with_nothing_set_but_starts_in_Development(string service, string named)
    {
        string[] plain = ["--Bus:Transport=InProcess", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={Path.Combine(Path.GetTempPath(), $"lp-secrets-{Guid.NewGuid():N}")}"];

        var refused = Assert.Throws<InvalidOperationException>(() => Services[service].Build(plain));
        Assert.Contains($"{named}: not set", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Privacy:EncryptionKeys: not set", refused.Message, StringComparison.Ordinal);
        // Follow-up's unsubscribe key: missing, or the development default of its appsettings.json (refused as a placeholder).
        if (service == "FollowUp") Assert.Contains("FollowUp:UnsubscribeKey: ", refused.Message, StringComparison.Ordinal);

        var development = Services[service].Build([.. plain, "--environment=Development"]);
        Assert.NotNull(development);
    }

    [Fact]
    public void Refusing_unsafe_secrets_in_production_every_secret_published_in_the_repository_is_refused()
    {
        var published = new List<(string Where, string Value)>();
        foreach (var (variable, value) in EnvExample().Where(e => e.Value.Length > 0 && IsSecretName(e.Key)))
            published.Add(($".env.example {variable}", value));
        foreach (var path in Directory.GetFiles(Path.Combine(Deploy, "kubernetes"), "*.yaml"))
        {
            foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()).Where(l => !l.StartsWith('#') && l.Contains(": ", StringComparison.Ordinal)))
            {
                var (key, value) = (line.Split(": ", 2)[0], line.Split(": ", 2)[1].Trim('"'));
                if (IsSecretName(key) && value.Length > 0 && !value.Contains("://", StringComparison.Ordinal)) published.Add(($"{Path.GetFileName(path)} {key}", value));
            }
        }
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "services"), "appsettings*.json", SearchOption.AllDirectories).Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var (key, value) in Leaves(json.RootElement, ""))
                if (IsSecretName(key) && value.Length > 0) published.Add(($"{Path.GetRelativePath(Root, path)} {key}", value));
        }
        // The defaults in the source.
        published.Add(("IntakeOptions.PersonKeySecret", new IntakeOptions().PersonKeySecret));
        published.Add(("FollowUpOptions.UnsubscribeKey", new FollowUpOptions().UnsubscribeKey));
        published.Add(("PersonalDataProtector development key", PersonalDataProtector.DevelopmentDefaults.KeyBase64));
        published.Add(("PersonalDataProtector development lookup secret", PersonalDataProtector.DevelopmentDefaults.LookupSecret));
        published.Add(("StandaloneHost example site key", StandaloneHost.Defaults["Intake:Sites:example:ApiKey"]!));

        Assert.True(published.Count >= 25, $"only {published.Count} published values found: is the scan still reading the files?");
        var accepted = published.Where(p => ProductionSecrets.WhyUnsafe(p.Value, 0) is null && ProductionSecrets.WhyUnsafeAesKey(p.Value) is null).ToList();
        Assert.True(accepted.Count == 0, "published values a production host would accept (add their SHA-256 to PublishedSecrets): " + string.Join(", ", accepted.Select(a => a.Where)));
        output.WriteLine($"{published.Count} published values, each refused");

        // And what must be accepted: a value made as the message says.
        Assert.Null(ProductionSecrets.WhyUnsafe(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), 32));
        Assert.Null(ProductionSecrets.WhyUnsafeAesKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        Assert.NotNull(ProductionSecrets.WhyUnsafe("short-but-random", 32));
        Assert.NotNull(ProductionSecrets.WhyUnsafe(new string('x', 40), 32));
        Assert.NotNull(ProductionSecrets.WhyUnsafeAesKey(Convert.ToBase64String(new byte[32])));
    }

    private static bool IsSecretName(string name) =>
        new[] { "KEY", "SECRET", "PASSWORD", "TOKEN" }.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase))
        && !name.EndsWith("KeyId", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(string Key, string Value)> Leaves(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Name : $"{path}:{p.Name}")),
        JsonValueKind.String => [(path, element.GetString()!)],
        _ => [],
    };

    /// <summary>.env.example with every secret replaced by a new random value, as its comments say to make deploy/.env.</summary>
    private static Dictionary<string, string> EnvWithGeneratedSecrets() =>
        EnvExample().ToDictionary(e => e.Key, e => e.Value.Length == 0 || !IsSecretName(e.Key) ? e.Value
            : e.Key.EndsWith("_ENCRYPTION_KEY", StringComparison.Ordinal) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
}
