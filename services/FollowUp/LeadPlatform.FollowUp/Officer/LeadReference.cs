using System.Security.Cryptography;
using System.Text;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// A short, stable reference for a lead in reports and exports (<c>L-3F9A2C1B</c>): derived from the lead id by a hash,
/// so a file handed around names no internal id and no person, yet the same lead reads the same everywhere.
/// </summary>
public static class LeadReference
{
    public static string Of(Guid leadId)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes("lead-reference:" + leadId.ToString("D")));
        return "L-" + Convert.ToHexString(hash, 0, 4);
    }
}
