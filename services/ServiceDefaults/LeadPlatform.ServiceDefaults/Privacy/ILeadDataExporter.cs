namespace LeadPlatform.ServiceDefaults.Privacy;

/// <summary>What one service holds about a lead, for the data subject's export (each module registers one).</summary>
public interface ILeadDataExporter
{
    /// <summary>Intake, Qualification or FollowUp.</summary>
    string Service { get; }

    /// <summary>Everything this service holds about the lead, as it would show it to the person; null when it holds nothing.</summary>
    Task<object?> ExportAsync(Guid leadId, CancellationToken cancellationToken);
}
