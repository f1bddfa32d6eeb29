namespace LeadPlatform.Intake.Tests;

/// <summary>One intake server for a test class (its tests run one after another, so counts before and after are theirs).</summary>
public sealed class SharedIntake : IAsyncLifetime
{
    public IntakeServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await IntakeServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
