namespace LeadPlatform.FollowUp.Reviews;

/// <summary>The decided reviews as a corpus part (<c>{ version, items }</c>, as claims-corpus.json), with when it was exported.</summary>
public sealed record ReviewLabelSet(string Version, DateTimeOffset ExportedAt, IReadOnlyList<ReviewLabel> Items);
