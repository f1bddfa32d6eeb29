namespace LeadPlatform.Compliance;

/// <summary>
/// One cell of the disclaimer matrix (condition × channel × language), for the admin page: the disclaimer that
/// would be attached (<c>id@version</c> and its status), or <see cref="Missing"/> when nothing can be sent.
/// </summary>
public sealed record DisclaimerMatrixCell(string Condition, OutreachChannel Channel, string Language, string? Id, string? Version, string? Status)
{
    public bool Missing => Id is null;

    /// <summary><c>id@version</c>, or null when missing.</summary>
    public string? IdAtVersion => Id is null ? null : Id + "@" + Version;
}
