namespace LeadPlatform.Compliance;

/// <summary>Maps opt-out scopes to and from the channel names of the <c>LeadOptedOut</c> message.</summary>
public static class OptOutScopeNames
{
    /// <summary>
    /// <c>email</c>, <c>sms</c>, <c>phone</c> or <c>all</c> (any case). Anything else is read as <see cref="OptOutScope.All"/>:
    /// an opt-out we cannot read must still stop contact (fail closed).
    /// </summary>
    public static OptOutScope Parse(string? channel) => channel?.Trim().ToLowerInvariant() switch
    {
        "email" => OptOutScope.Email,
        "sms" => OptOutScope.Sms,
        "phone" => OptOutScope.Phone,
        _ => OptOutScope.All,
    };

    public static string ToContractName(OptOutScope scope) => scope switch
    {
        OptOutScope.Email => "email",
        OptOutScope.Sms => "sms",
        OptOutScope.Phone => "phone",
        _ => "all",
    };
}
