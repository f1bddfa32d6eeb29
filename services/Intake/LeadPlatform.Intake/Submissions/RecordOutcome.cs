using LeadPlatform.Intake.Storage;

namespace LeadPlatform.Intake.Submissions;

/// <summary>What became of a submission, and the stored request that answers it.</summary>
internal sealed record RecordOutcome(RecordResult Result, QuoteRequestDocument Document);
