using System.Security.Cryptography;
using System.Text;

namespace LeadPlatform.Qualification.Storage;

/// <summary>The id of a re-decision: the same quote request and rule-set version always give the same id.</summary>
public static class DecisionIds
{
    public static Guid For(Guid quoteRequestId, string ruleSetVersion)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{quoteRequestId:N}/{ruleSetVersion}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
