using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Consumers;

public sealed class Qualifying_a_quote_request : IAsyncLifetime
{
    private ModuleHarness _module = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleHarness.StartAsync(b => b.AddQualification(), bus => bus.AddQualificationConsumers());

    public ValueTask DisposeAsync() => _module.DisposeAsync();

    [Fact]
    public async Task Publishes_LeadQualified_with_tier_score_and_reasons_through_the_outbox()
    {
        var request = SampleMessages.QuoteRequestSubmitted();

        await _module.Harness.Bus.Publish(request);

        Assert.True(await _module.ConsumedAsync<QuoteRequestSubmitted>(x => x.Context.Message.QuoteRequestId == request.QuoteRequestId));
        Assert.True(await _module.PublishedAsync<LeadQualified>(x => x.Context.Message.QuoteRequestId == request.QuoteRequestId));
        var qualified = _module.Harness.Published.Select<LeadQualified>().Single().Context;
        Assert.Equal(request.LeadId, qualified.Message.LeadId);
        Assert.Equal(request.LeadId, qualified.CorrelationId);
        Assert.Equal(qualified.Message.Score, qualified.Message.Reasons.Sum(r => r.Points));
        Assert.False(await _module.Harness.Published.Any<Fault<QuoteRequestSubmitted>>());

        var stored = await _module.Services.GetRequiredService<IQualificationStore>().GetAsync(request.QuoteRequestId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.True(stored.Eligible);
        Assert.Equal(qualified.Message.Tier, stored.Tier);
    }

    [Fact]
    public async Task Publishes_LeadDisqualified_with_the_reason_for_a_minor()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var request = SampleMessages.QuoteRequestSubmitted(dateOfBirth: today.AddYears(-17));

        await _module.Harness.Bus.Publish(request);

        Assert.True(await _module.PublishedAsync<LeadDisqualified>(x => x.Context.Message.QuoteRequestId == request.QuoteRequestId));
        var disqualified = _module.Harness.Published.Select<LeadDisqualified>().Single().Context.Message;
        Assert.Contains(disqualified.Reasons, r => r.Rule == "under_18");
        Assert.False(await _module.Harness.Published.Any<LeadQualified>());
    }

    [Fact]
    public async Task The_same_request_delivered_twice_yields_one_decision_and_one_event()
    {
        var request = SampleMessages.QuoteRequestSubmitted();
        var messageId = Guid.NewGuid();

        await _module.Harness.Bus.Publish(request, c => c.MessageId = messageId);
        await _module.Harness.Bus.Publish(request, c => c.MessageId = messageId);
        await _module.Harness.Bus.Publish(request); // a republish of the same business event under a new MessageId

        // The harness records a MessageId once: both message ids consumed (its idle signal alone can come first on a busy
        // machine, before any delivery), then the outbox drained, then the bus idle, which it is only after every delivery.
        Assert.True(await _module.ConsumedAsync<QuoteRequestSubmitted>(x => x.Context.Message.QuoteRequestId == request.QuoteRequestId, count: 2));
        await _module.Harness.InactivityTask;
        await _module.OutboxDrainedAsync<IQualificationStore>();
        await _module.Harness.InactivityTask;

        Assert.Single(_module.Harness.Published.Select<LeadQualified>());
        var decisions = await _module.Services.GetRequiredService<IQualificationStore>().FindByLeadAsync(request.LeadId, TestContext.Current.CancellationToken);
        Assert.Single(decisions);
    }
}
