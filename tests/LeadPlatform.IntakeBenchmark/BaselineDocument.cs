using LeadPlatform.Intake.Api;
using LeadPlatform.Storage;

namespace LeadPlatform.IntakeBenchmark;

/// <summary>The durable baseline's stored request: the body as received, and its event in the same document's outbox.</summary>
internal sealed class BaselineDocument : StoredDocument
{
    public DateTimeOffset ReceivedAt { get; set; }
    public QuoteRequestBody? Request { get; set; }
}
