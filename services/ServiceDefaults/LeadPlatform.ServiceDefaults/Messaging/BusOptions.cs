namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>The <c>Bus</c> configuration section.</summary>
public sealed class BusOptions
{
    /// <summary><c>RabbitMq</c> (distributed) or <c>InMemory</c> (standalone).</summary>
    public string Transport { get; set; } = "RabbitMq";

    /// <summary>For example amqp://guest:guest@localhost:5672/ (the virtual host is the path).</summary>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Immediate retries of a failing message before it goes to the <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 3;

    public bool IsInMemory => string.Equals(Transport, "InMemory", StringComparison.OrdinalIgnoreCase);
}
