namespace LeadPlatform.Compliance;

/// <summary>
/// The evidence disclaimers, per condition, channel and language, each with a version. The default registry is
/// compiled into this assembly (Resources/disclaimers/*.json). A condition or channel with no disclaimer means the
/// gate blocks: nothing goes out without one.
/// </summary>
public sealed class DisclaimerRegistry
{
    private const string Folder = "disclaimers/";

    private static readonly Lazy<DisclaimerRegistry> Defaults = new(() =>
        FromJson([.. EmbeddedData.Names(Folder).Select(EmbeddedData.Read)]));

    private readonly Dictionary<(string Condition, string Language, OutreachChannel Channel), DisclaimerTemplate> templates;

    private DisclaimerRegistry(IEnumerable<DisclaimerTemplate> all)
    {
        templates = [];
        foreach (var t in all)
        {
            if (!templates.TryAdd((t.Condition, t.Language, t.Channel), t))
            {
                throw new FormatException($"Two disclaimers for {t.Condition}/{t.Language}/{t.Channel}.");
            }
        }
    }

    /// <summary>Every disclaimer as <c>id@version</c>.</summary>
    public IReadOnlyList<string> Versions => [.. templates.Values.Select(t => t.Id + "@" + t.Version).Order(StringComparer.Ordinal)];

    /// <summary>The registry embedded in this assembly.</summary>
    public static DisclaimerRegistry LoadDefault() => Defaults.Value;

    /// <summary>A registry from JSON documents in the embedded files' format (one per condition and language).</summary>
    public static DisclaimerRegistry FromJson(IEnumerable<string> documents)
    {
        var all = new List<DisclaimerTemplate>();
        foreach (var json in documents)
        {
            var doc = EmbeddedData.Deserialize<DisclaimerDocument>(json, "A disclaimer document");
            if (string.IsNullOrWhiteSpace(doc.Condition) || string.IsNullOrWhiteSpace(doc.Language) || string.IsNullOrWhiteSpace(doc.Version))
            {
                throw new FormatException("A disclaimer document needs a condition, a language and a version.");
            }

            foreach (var (channelName, channel) in doc.Channels)
            {
                if (!Enum.TryParse<OutreachChannel>(channelName, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    throw new FormatException($"Unknown channel '{channelName}' in the {doc.Condition} disclaimers.");
                }

                if (string.IsNullOrWhiteSpace(channel.Id) || string.IsNullOrWhiteSpace(channel.Text))
                {
                    throw new FormatException($"The {doc.Condition}/{channelName} disclaimer needs an id and a text.");
                }

                var status = doc.Status?.Trim().ToLowerInvariant() switch
                {
                    DisclaimerStatus.Approved => DisclaimerStatus.Approved,
                    DisclaimerStatus.Draft or null or "" => DisclaimerStatus.Draft,
                    var other => throw new FormatException($"The {doc.Condition}/{doc.Language} disclaimers have status '{other}' (approved or draft)."),
                };
                all.Add(new DisclaimerTemplate(channel.Id, doc.Version, Key(doc.Condition), Key(doc.Language), parsed, channel.Text, channel.ReadAloud, channel.Placeholders, status));
            }
        }

        return new DisclaimerRegistry(all);
    }

    /// <summary>The languages the gate screens and the product offers.</summary>
    public static IReadOnlyList<string> ProductLanguages { get; } = ["en", "es", "pt"];

    /// <summary>The conditions this registry has disclaimers for, as written in the data (for example <c>degenerative_disc_disease</c>).</summary>
    public IReadOnlyList<string> Conditions => [.. templates.Values.Select(t => t.Condition.Replace('-', '_')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The matrix for an admin page: every condition × channel × language, with the disclaimer that would be attached
    /// (id@version and status) or missing. Pass the conditions the intake form offers; by default the registry's own.
    /// </summary>
    public IReadOnlyList<DisclaimerMatrixCell> Matrix(IEnumerable<string>? conditions = null, IEnumerable<string>? languages = null)
    {
        var cells = new List<DisclaimerMatrixCell>();
        foreach (var condition in conditions ?? Conditions)
        {
            foreach (var channel in Enum.GetValues<OutreachChannel>())
            {
                foreach (var language in languages ?? ProductLanguages)
                {
                    var t = Find(condition, channel, language);
                    cells.Add(new DisclaimerMatrixCell(condition, channel, language, t?.Id, t?.Version, t?.Status));
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The same registry with the clinic's approvals applied: each <c>id@version</c> listed is approved (a later
    /// version is a new text and needs approving again). For the service that stores approvals; no I/O here.
    /// </summary>
    public DisclaimerRegistry WithApproved(IEnumerable<string> approvedIdAtVersion)
    {
        ArgumentNullException.ThrowIfNull(approvedIdAtVersion);
        var approved = approvedIdAtVersion.ToHashSet(StringComparer.Ordinal);
        return new DisclaimerRegistry(templates.Values.Select(t => approved.Contains(t.Id + "@" + t.Version) ? t with { Status = DisclaimerStatus.Approved } : t));
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the text of the disclaimer <c>id@version</c>, as written with its placeholders, or
    /// null when this registry has no such disclaimer: what an approval names besides the version.
    /// </summary>
    public string? TextHashOf(string idAtVersion)
    {
        var t = templates.Values.FirstOrDefault(t => string.Equals(t.Id + "@" + t.Version, idAtVersion, StringComparison.Ordinal));
        return t is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(t.Text)));
    }

    /// <summary>The status of the disclaimer <c>id@version</c> here (approved or draft), or null when there is none.</summary>
    public string? StatusOf(string idAtVersion) =>
        templates.Values.FirstOrDefault(t => string.Equals(t.Id + "@" + t.Version, idAtVersion, StringComparison.Ordinal))?.Status;

    /// <summary>True when there is a disclaimer for this condition, channel and language (or its base language).</summary>
    public bool Covers(string condition, OutreachChannel channel, string language) => Find(condition, channel, language) is not null;

    internal DisclaimerTemplate? Find(string? condition, OutreachChannel channel, string? language)
    {
        if (string.IsNullOrWhiteSpace(condition) || string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var c = Key(condition);
        var l = Key(language);
        if (templates.TryGetValue((c, l, channel), out var exact))
        {
            return exact;
        }

        var dash = l.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && templates.TryGetValue((c, l[..dash], channel), out var general) ? general : null;
    }

    internal IEnumerable<DisclaimerTemplate> All => templates.Values;

    private static string Key(string value) => value.Trim().Replace('_', '-').ToLowerInvariant();
}
