using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>The contact rule table in force: <c>Compliance:ContactRulesFile</c> when set, else the embedded one; either is validated.</summary>
internal static class ContactRulesLoader
{
    /// <exception cref="InvalidOperationException">The table cannot be read or does not validate (the message lists every problem).</exception>
    public static ContactRuleTable Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            try
            {
                return ContactRuleTable.Default;
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException("The embedded contact rule table is not valid: " + ex.Message, ex);
            }
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Compliance:ContactRulesFile '{path}' cannot be read: {ex.Message}", ex);
        }

        try
        {
            return ContactRuleTable.FromJson(json);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Compliance:ContactRulesFile '{path}' is not a valid contact rule table. {ex.Message}", ex);
        }
    }
}
