using System.Collections.Frozen;

namespace LeadPlatform.Qualification.Rules;

/// <summary>A case-insensitive set of strings that can be queried with spans, so look-ups allocate nothing.</summary>
internal readonly struct DomainSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public DomainSet(IEnumerable<string> values)
    {
        var set = values.Select(v => v.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> value) => lookup.Contains(value);
}
