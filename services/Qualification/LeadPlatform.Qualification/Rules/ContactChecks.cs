namespace LeadPlatform.Qualification.Rules;

/// <summary>Allocation-free, culture-invariant checks of contact data (no regex on the hot path).</summary>
internal static class ContactChecks
{
    /// <summary>
    /// A pragmatic address check: one @, a local part of 1–64 characters without spaces or stray dots, and a domain of
    /// at least two dot-separated labels (letters, digits, hyphens or non-ASCII for IDNs), the last one not numeric.
    /// </summary>
    public static bool IsValidEmail(ReadOnlySpan<char> email)
    {
        var at = email.IndexOf('@');
        if (at <= 0 || at > 64 || email.LastIndexOf('@') != at) return false;
        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in local)
            if (c <= ' ' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\' || c == '"' || c == '\u007f')
                return false;
        return IsValidDomain(domain);
    }

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length is 0 or > 253) return false;
        var labels = 0;
        var lastLabelNumeric = true;
        while (true)
        {
            var dot = domain.IndexOf('.');
            var label = dot < 0 ? domain : domain[..dot];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            lastLabelNumeric = true;
            foreach (var c in label)
            {
                if (char.IsAsciiDigit(c)) continue;
                lastLabelNumeric = false;
                if (!(char.IsAsciiLetter(c) || c == '-' || c > '\u007f')) return false;
            }
            labels++;
            if (dot < 0) break;
            domain = domain[(dot + 1)..];
        }
        return labels >= 2 && !lastLabelNumeric && domain.Length >= 2;
    }

    /// <summary>E.164: a plus sign and 7 to 15 digits, the first not 0.</summary>
    public static bool IsValidE164(ReadOnlySpan<char> phone)
    {
        if (phone.Length is < 8 or > 16 || phone[0] != '+' || phone[1] is < '1' or > '9') return false;
        foreach (var c in phone[1..])
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>The part after the last @ (empty when there is none).</summary>
    public static ReadOnlySpan<char> DomainOf(ReadOnlySpan<char> email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? [] : email[(at + 1)..];
    }

    /// <summary>The local part without a +tag and without trailing digits: test42+news@ gives test.</summary>
    public static ReadOnlySpan<char> LocalPartStem(ReadOnlySpan<char> email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0) return [];
        var local = email[..at];
        var plus = local.IndexOf('+');
        if (plus >= 0) local = local[..plus];
        return TrimTrailingDigits(local);
    }

    public static ReadOnlySpan<char> TrimTrailingDigits(ReadOnlySpan<char> value)
    {
        var end = value.Length;
        while (end > 0 && char.IsAsciiDigit(value[end - 1])) end--;
        return value[..end].TrimEnd();
    }

    /// <summary>Whether <paramref name="domain"/> or one of its parent domains is in the set (a.b.example.com → example.com).</summary>
    public static bool DomainOrParentIn(ReadOnlySpan<char> domain, in DomainSet set)
    {
        while (domain.Length > 0)
        {
            if (set.Contains(domain)) return true;
            var dot = domain.IndexOf('.');
            if (dot < 0) return false;
            domain = domain[(dot + 1)..];
        }
        return false;
    }
}
