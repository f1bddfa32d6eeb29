namespace LeadPlatform.ServiceDefaults.Logging;

/// <summary>Masks personal data for logs: enough to tell two values apart, never enough to contact anyone.</summary>
public static class Pii
{
    /// <summary>maria.lopez@fastmail.com → m***@f***.com</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "(none)";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == email.Length - 1) return "***";
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var tld = dot > 0 ? domain[dot..] : string.Empty;
        return $"{email[0]}***@{domain[0]}***{tld}";
    }

    /// <summary>+14155550134 → +1******0134 (country code and last four digits only).</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "(none)";
        var digits = phone.Where(char.IsDigit).ToArray();
        if (digits.Length < 6) return "***";
        return $"+{digits[0]}{new string('*', digits.Length - 5)}{new string(digits[^4..])}";
    }
}
