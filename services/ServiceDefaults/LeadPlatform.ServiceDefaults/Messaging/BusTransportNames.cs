using LeadPlatform.Storage.Names;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>The names <c>Bus:Transport</c> accepts: <c>RabbitMq</c>, <c>InProcess</c> (or its older name <c>InMemory</c>).</summary>
public static class BusTransportNames
{
    public static NameMap<BusTransport> Map { get; } = NameMap<BusTransport>.Setting("Bus:Transport",
        new Dictionary<BusTransport, string> { [BusTransport.RabbitMq] = "RabbitMq", [BusTransport.InProcess] = "InProcess" },
        new Dictionary<string, BusTransport> { ["InMemory"] = BusTransport.InProcess });
}
