namespace LeadPlatform.Contracts;

/// <summary>The person behind a quote request. Personal data: never log it in clear.</summary>
public sealed record PersonDetails
{
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public string? Email { get; init; }
    /// <summary>E.164, for example +14155550134.</summary>
    public string? Phone { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public int? Age { get; init; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Country { get; init; }
    public string? PostalCode { get; init; }
    /// <summary>email, sms or phone.</summary>
    public required string PreferredChannel { get; init; }
    /// <summary>BCP 47 language tag, for example en.</summary>
    public required string Language { get; init; }
}
