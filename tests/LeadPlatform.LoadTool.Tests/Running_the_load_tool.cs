using System.Text.Json;

namespace LeadPlatform.LoadTool.Tests;

public sealed class Running_the_load_tool
{
    [Fact(Timeout = 30_000)]
    public async Task Against_the_standalone_host_reports_every_request_completed_and_writes_its_results_as_JSON()
    {
        var json = Path.Combine(Path.GetTempPath(), $"leadplatform-load-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        try
        {
            var exitCode = await LoadRun.MainAsync(
                ["--target", "standalone-inproc", "--requests", "20", "--concurrency", "4", "--warmup", "0", "--baselines", "http",
                 "--quiet", "--json", json],
                output, TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, output.ToString());
            Assert.Contains("pipeline: received → task created", output.ToString(), StringComparison.Ordinal);
            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
            var pipeline = results.RootElement.GetProperty("pipeline");
            Assert.Equal(20, pipeline.GetProperty("accepted").GetInt32());
            Assert.Equal(20, pipeline.GetProperty("completed").GetInt32());
            Assert.Equal(0, pipeline.GetProperty("missing").GetInt32());
            Assert.True(pipeline.GetProperty("speedToLeadMs").GetProperty("p99").GetDouble() >= 0);
            Assert.Equal(20, results.RootElement.GetProperty("baselines")[0].GetProperty("count").GetInt32());
        }
        finally
        {
            File.Delete(json);
        }
    }
}
