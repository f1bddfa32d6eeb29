namespace LeadPlatform.Qualification.Rules;

/// <summary>A rule set was refused: not JSON of the rule-set shape, or rules that contradict themselves. Errors names each problem with its JSON path.</summary>
public sealed class InvalidRuleSetException : Exception
{
    public InvalidRuleSetException(string? version, IReadOnlyList<string> errors, Exception? innerException = null)
        : base(Describe(version, errors), innerException)
    {
        Version = version;
        Errors = errors;
    }

    /// <summary>The version the rule set claims, when it could be read.</summary>
    public string? Version { get; }

    public IReadOnlyList<string> Errors { get; }

    private static string Describe(string? version, IReadOnlyList<string> errors) =>
        $"The qualification rule set{(string.IsNullOrWhiteSpace(version) ? "" : $" '{version}'")} is invalid: "
        + string.Join(" ", errors.Select(e => e.EndsWith('.') ? e : e + "."));
}
