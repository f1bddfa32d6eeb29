using System.Net;
using LeadPlatform.Intake.Storage;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.Intake.Tests;

public sealed class Failing_to_store
{
    [Fact]
    public async Task Answers_503_with_Retry_After_when_the_database_fails_and_keeps_nothing_half_written()
    {
        var server = await IntakeServer.StartAsync("--Outbox:PollInterval=00:10:00");
        using (var stored = await server.PostJsonAsync(SampleQuoteRequest.Create()))
            Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        // The database goes away under the running service.
        server.Services.GetRequiredKeyedService<LiteDatabase>("intake").Dispose();

        using var response = await server.PostJsonAsync(SampleQuoteRequest.Create());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        await server.StopKeepingDataAsync();
        using (var database = LiteDbFiles.Open(server.DataFolder, "intake.db"))
            Assert.Equal(1, await new LiteDbQuoteRequestStore(database).CountAsync());
        Directory.Delete(server.DataFolder, recursive: true);
    }
}
