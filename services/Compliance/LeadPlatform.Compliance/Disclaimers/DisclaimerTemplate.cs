namespace LeadPlatform.Compliance;

internal sealed class DisclaimerDocument
{
    public string Condition { get; set; } = string.Empty;
    public string Language { get; set; } = string.Empty;
    public string Version { get; set; } = string.Empty;
    /// <summary><c>approved</c> (by the clinic) or <c>draft</c> (shipped wording awaiting the clinic's approval; still attached).</summary>
    public string Status { get; set; } = DisclaimerStatus.Draft;
    public Dictionary<string, DisclaimerChannelDocument> Channels { get; set; } = [];
}

internal sealed class DisclaimerChannelDocument
{
    public string Id { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public bool ReadAloud { get; set; }
    public List<string> Placeholders { get; set; } = [];
}

/// <summary>One disclaimer text for a condition, channel and language, with its placeholders.</summary>
internal sealed record DisclaimerTemplate(
    string Id,
    string Version,
    string Condition,
    string Language,
    OutreachChannel Channel,
    string Text,
    bool ReadAloud,
    IReadOnlyList<string> Placeholders,
    string Status = DisclaimerStatus.Draft)
{
    /// <summary>Fills the placeholders; the names of those without a usable value come back in <paramref name="missing"/>.</summary>
    public AttachedDisclaimer? Render(IReadOnlyDictionary<string, string?> values, out IReadOnlyList<string> missing)
    {
        var text = Text;
        var absent = new List<string>();
        foreach (var name in Placeholders)
        {
            if (!values.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
            {
                absent.Add(name);
                continue;
            }

            text = text.Replace("{" + name + "}", value.Trim(), StringComparison.Ordinal);
        }

        missing = absent;
        return absent.Count > 0 ? null : new AttachedDisclaimer { Id = Id, Version = Version, Text = text, RequiresReadAloudConfirmation = ReadAloud, Status = Status };
    }
}
