using System.Diagnostics;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Test-only, off by default: <c>FaultInjection:CrashAfterHandling=&lt;MessageType&gt;</c> (for example
/// <c>LeadQualified</c>) kills this process (SIGKILL, as <c>kill -9</c>) right after a consumer has handled a message
/// of that type, its store writes done, and before the broker hears the acknowledgement: the fault tests restart the
/// process and count what the redelivery does. <c>&lt;MessageType&gt;@&lt;queue&gt;</c> (for example
/// <c>LeadQualified@followup-lead-journey</c>) names the consumer's queue too, for a service where several consumers take
/// the same message (follow-up's journey and its webhooks both take <c>LeadQualified</c>). Never set it in a deployment.
/// </summary>
public sealed class FaultInjection(string? crashAfterHandling)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(crashAfterHandling);

    public void AfterHandled(string messageType, Guid? messageId, Guid? leadId, string? queue = null)
    {
        var (type, onQueue) = crashAfterHandling?.Split('@', 2) is [var t, var q] ? (t, q) : (crashAfterHandling, null);
        if (!string.Equals(type, messageType, StringComparison.Ordinal)) return;
        if (onQueue is not null && !string.Equals(onQueue, queue, StringComparison.Ordinal)) return;
        Console.Error.WriteLine($"FaultInjection: killing process {Environment.ProcessId} after handling {messageType} {messageId} of lead {leadId}, before its acknowledgement");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
    }
}
