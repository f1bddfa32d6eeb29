using System.Net;
using System.Net.Http.Json;
using System.Text;
using LeadPlatform.ServiceDefaults.Security;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// The standalone host run as the README's first command runs it, with nothing set: it makes its own secrets at the
/// first start, keeps them in a 0600 file beside its data (or where Secrets:KeyFile says), and keeps its data files and
/// outbox private to its user.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class Keeping_the_standalone_host_s_secrets : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("leadplatform-secrets-").FullName;

    [Fact]
    public async Task At_its_first_start_it_makes_its_secrets_in_a_0600_file_in_its_data_folder_and_seals_data_with_them_not_with_a_published_key()
    {
        var dataFolder = Path.Combine(_root, "data");
        var keyFile = Path.Combine(dataFolder, StandaloneSecrets.FileName);
        await using (var app = await StartAsync($"--Storage:DataFolder={dataFolder}"))
        {
            var email = $"nadia.secrets+{Guid.NewGuid():N}@fastmail.com";
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            http.DefaultRequestHeaders.Add("X-Api-Key", "example-development-key");
            using var posted = await http.PostAsJsonAsync("/api/v1/quote-requests", SampleQuoteRequest.Create(email: email, phone: null));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            // The acknowledgement: an .eml file in the outbox folder.
            await Eventually.GetAsync(() => Task.FromResult(Directory.Exists(Path.Combine(dataFolder, "outbox", "email")) && Directory.GetFiles(Path.Combine(dataFolder, "outbox", "email"), "*.eml").Length > 0),
                found => found, TimeSpan.FromSeconds(30), "the acknowledgement in the outbox");
        }

        Assert.True(File.Exists(keyFile), $"no key file at {keyFile}");
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(keyFile));
        var keys = new ConfigurationBuilder().AddJsonFile(keyFile).Build();
        foreach (var setting in new[] { "Privacy:LookupKeySecret", "Privacy:OperatorApiKey", "Intake:PersonKeySecret", "FollowUp:UnsubscribeKey" })
            Assert.Null(ProductionSecrets.WhyUnsafe(keys[setting] ?? string.Empty, 32));
        var currentKeyId = keys["Privacy:CurrentKeyId"]!;
        Assert.Null(ProductionSecrets.WhyUnsafeAesKey(keys[$"Privacy:EncryptionKeys:{currentKeyId}"]!));
        Assert.Null(keys["Privacy:EncryptionKeys:development"]); // a new folder has nothing sealed with the development key

        // Its data files: 0600 in a 0700 folder, sealed with the generated key.
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(dataFolder));
        var databases = Directory.GetFiles(dataFolder, "*.db");
        Assert.Equal(["followup.db", "intake.db", "qualification.db"], databases.Select(Path.GetFileName).Order());
        foreach (var file in databases)
        {
            Assert.True(File.GetUnixFileMode(file) == PrivateFiles.FileMode, $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("pd1:development:")) < 0, $"{Path.GetFileName(file)} holds data sealed with the published development key");
        }
        Assert.True(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(dataFolder, "intake.db"), TestContext.Current.CancellationToken)).Contains($"pd1:{currentKeyId}:", StringComparison.Ordinal),
            "intake's data is not sealed with the generated key");
        // Its outbox: folders 0700, the messages 0600.
        foreach (var folder in new[] { "outbox", "outbox/email" })
            Assert.True(File.GetUnixFileMode(Path.Combine(dataFolder, folder)) == PrivateFiles.FolderMode, $"{folder} is {File.GetUnixFileMode(Path.Combine(dataFolder, folder))}");
        foreach (var message in Directory.GetFiles(Path.Combine(dataFolder, "outbox", "email")))
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(message));

        // A restart keeps the same secrets (the file is read, not made again) and reads what was sealed.
        var before = await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken);
        await using (var again = await StartAsync($"--Storage:DataFolder={dataFolder}"))
        {
            using var http = new HttpClient { BaseAddress = new Uri(again.Urls.First()) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        }
        Assert.Equal(before, await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Secrets_KeyFile_keeps_the_secrets_somewhere_else_than_beside_the_data()
    {
        var dataFolder = Path.Combine(_root, "data");
        var keyFile = Path.Combine(_root, "elsewhere", "leadplatform-keys.json");
        await using (await StartAsync($"--Storage:DataFolder={dataFolder}", $"--Secrets:KeyFile={keyFile}"))
        {
        }
        Assert.True(File.Exists(keyFile));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(keyFile));
        Assert.False(File.Exists(Path.Combine(dataFolder, StandaloneSecrets.FileName)), "a key file was made beside the data too");
    }

    /// <summary>The standalone host exactly as the README runs it: no secrets given (not through RunningHost, which gives the tests' own).</summary>
    private static async Task<AsyncApp> StartAsync(params string[] arguments)
    {
        var app = StandaloneHost.Build(["--urls=http://127.0.0.1:0", "--Outbox:PollInterval=00:00:00.100", .. arguments]);
        await app.StartAsync();
        return new AsyncApp(app);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private sealed class AsyncApp(WebApplication app) : IAsyncDisposable
    {
        public ICollection<string> Urls => app.Urls;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
