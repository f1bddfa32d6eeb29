namespace LeadPlatform.Intake.Submissions;

internal enum RecordResult
{
    /// <summary>Stored now.</summary>
    Stored,
    /// <summary>The same person, inquiry and consent within the dedupe window: answered with the original.</summary>
    Resubmission,
    /// <summary>The same Idempotency-Key with the same body: answered with the original.</summary>
    IdempotentReplay,
    /// <summary>The same Idempotency-Key with another body: refused (422).</summary>
    IdempotencyKeyReused,
}
