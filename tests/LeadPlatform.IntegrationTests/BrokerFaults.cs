namespace LeadPlatform.IntegrationTests;

/// <summary>Tests that stop or cut the shared broker run alone, never beside tests that need it up.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerFaults
{
    public const string Name = "Broker faults";
}
