namespace LeadPlatform.FollowUp.Consultations;

/// <summary>What a correction changed (phone, email); <c>needsConfirmation</c>: consent must be confirmed through the new contact.</summary>
public sealed record ContactCorrectionView(Guid LeadId, IReadOnlyList<string> Corrected, bool NeedsConfirmation);
