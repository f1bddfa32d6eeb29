namespace LeadPlatform.Compliance;

/// <summary>Maps opt-out scopes to and from the channel names of the <c>LeadOptedOut</c> message.</summary>
public static class OptOutScopeNames
{
    /// <summary>
    /// <c>email</c>, <c>sms</c>, <c>phone</c> or <c>all</c> (any case). Anything else is read as <see cref="OptOutScope.All"/>:
    /// an opt-out we cannot read must still stop contact (fail closed).
    /// </summary>
    public static OptOutScope Parse(string? channel)
        => ChannelPolicy.TryParse(channel, out var policy) ? policy.OptOutScope : OptOutScope.All;

    /// <summary>A channel's name for its own scope, <c>all</c> for <see cref="OptOutScope.All"/>; any other value throws.</summary>
    public static string ToContractName(OptOutScope scope) => scope == OptOutScope.All
        ? AllName
        : ChannelPolicy.All.FirstOrDefault(p => p.OptOutScope == scope)?.Name
            ?? throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not an opt-out scope.");

    /// <summary>The name of an opt-out of every channel.</summary>
    public const string AllName = "all";
}
