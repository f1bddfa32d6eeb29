namespace LeadPlatform.Intake.Tests;

/// <summary>
/// Tests that stop the shared broker run alone, never beside tests that need it up (a test creating a virtual host
/// while the outage test had the node's app stopped failed with "the 'rabbit' app is not running").
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerFaults
{
    public const string Name = "Broker faults";
}
