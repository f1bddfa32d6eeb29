namespace LeadPlatform.Compliance;

/// <summary>The only road to a channel. (Placeholder until the gate's rule set lands.)</summary>
public sealed class ComplianceGate
{
}
