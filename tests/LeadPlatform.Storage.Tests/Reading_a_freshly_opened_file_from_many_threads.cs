using System.Text.Json;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// A restarted follow-up reads leads from many consumers at once before any one type of its documents was read: LiteDB's
/// mapper builds each type's member map on first use and, built by two threads at once, handed one of them a half-built map
/// (a consumer failed with "Collection was modified", or read a lead missing fields, such as an evidence record without its
/// hash, and a lead written back from such a read loses what the read missed). Every read must read the whole document.
/// </summary>
public sealed class Reading_a_freshly_opened_file_from_many_threads : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-fresh-").FullName;

    [Fact]
    public async Task Reads_at_once_right_after_the_file_is_opened_all_read_the_whole_lead()
    {
        var ct = TestContext.Current.CancellationToken;
        var lead = SampleDocuments.Lead();
        using (var database = LiteDbFiles.Open(_folder, "followup.db", Sealing_personal_data_at_rest.Protector()))
        using (var store = new LiteDbLeadStore(database))
            Assert.True(await store.TryInsertAsync(lead, ct));
        var expected = JsonSerializer.Serialize(lead);

        var failures = new List<string>();
        for (var round = 0; round < 20 && failures.Count == 0; round++)
        {
            // A new process: a new database and mapper, nothing of either built yet.
            using var database = LiteDbFiles.Open(_folder, "followup.db", Sealing_personal_data_at_rest.Protector());
            using var store = new LiteDbLeadStore(database);
            using var start = new ManualResetEventSlim();
            var readers = Enumerable.Range(0, Math.Max(8, Environment.ProcessorCount * 2)).Select(_ => Task.Factory.StartNew(() =>
            {
                start.Wait(ct);
                try
                {
                    var read = store.GetAsync(lead.Id, ct).GetAwaiter().GetResult();
                    return JsonSerializer.Serialize(read) == expected ? null : "a read differs from what was written";
                }
#pragma warning disable CA1031 // the test reports every failure, whatever it is
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    return $"{ex.GetType().Name}: {ex.Message}";
                }
            }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
            start.Set();
            failures.AddRange((await Task.WhenAll(readers)).OfType<string>().Select(f => $"round {round}: {f}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(2)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
