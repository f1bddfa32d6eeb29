namespace LeadPlatform.Compliance;

/// <summary>
/// One row of the contact rule table: where it applies, to which channels, the local-time window (from inclusive,
/// until exclusive) and an optional frequency limit. <see cref="Source"/> names the statute or policy it comes from.
/// </summary>
public sealed record ContactRule
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    /// <summary><c>country:XX</c>, <c>state:US-XX</c> or <c>country:*</c> (the default row).</summary>
    public required IReadOnlyList<string> Jurisdictions { get; init; }
    public required IReadOnlyList<OutreachChannel> Channels { get; init; }
    public TimeOnly? WindowFrom { get; init; }
    public TimeOnly? WindowUntil { get; init; }
    /// <summary>At most this many outbound calls and texts within <see cref="FrequencyWindow"/> (null: no limit).</summary>
    public int? FrequencyMax { get; init; }
    public TimeSpan? FrequencyWindow { get; init; }

    /// <summary><c>id@version</c>, as recorded in evidence.</summary>
    public string Key => Id + "@" + Version;

    /// <summary>Days whose hours differ from <see cref="WindowFrom"/>-<see cref="WindowUntil"/> (other hours, or closed).</summary>
    public IReadOnlyDictionary<DayOfWeek, ContactDayWindow> Days { get; init; } = new Dictionary<DayOfWeek, ContactDayWindow>();

    public bool HasWindow => WindowFrom is not null && WindowUntil is not null;

    /// <summary>The rule's local hours on <paramref name="day"/>, or null (no contact that day, or no window).</summary>
    public (TimeOnly From, TimeOnly Until)? WindowOn(DayOfWeek day)
    {
        if (!HasWindow) return null;
        if (!Days.TryGetValue(day, out var own)) return (WindowFrom!.Value, WindowUntil!.Value);
        return own.Closed || own.From is null || own.Until is null ? null : (own.From.Value, own.Until.Value);
    }

    /// <summary>
    /// How far the row is sourced: <c>unverified</c> (its source or title says so: counsel to confirm), <c>product-policy</c>
    /// (no statute: the product's own default), or <c>cited</c> (a statute or regulation is cited; still not legal advice).
    /// </summary>
    public string Verification =>
        Source.Contains("unverified", StringComparison.OrdinalIgnoreCase) || Title.Contains("unverified", StringComparison.OrdinalIgnoreCase) ? "unverified"
        : Source.StartsWith("Product policy", StringComparison.OrdinalIgnoreCase) ? "product-policy"
        : "cited";
}
