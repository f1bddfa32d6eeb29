using System.Diagnostics;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Test-only, off by default: <c>FaultInjection:CrashAfterHandling=&lt;MessageType&gt;</c> (for example
/// <c>LeadQualified</c>) kills this process (SIGKILL, as <c>kill -9</c>) right after a consumer has handled a message
/// of that type, its store writes done, and before the broker hears the acknowledgement: the fault tests restart the
/// process and count what the redelivery does. Never set it in a deployment.
/// </summary>
public sealed class FaultInjection(string? crashAfterHandling)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(crashAfterHandling);

    public void AfterHandled(string messageType, Guid? messageId, Guid? leadId)
    {
        if (!string.Equals(crashAfterHandling, messageType, StringComparison.Ordinal)) return;
        Console.Error.WriteLine($"FaultInjection: killing process {Environment.ProcessId} after handling {messageType} {messageId} of lead {leadId}, before its acknowledgement");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
    }
}
