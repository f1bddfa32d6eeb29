namespace LeadPlatform.TestSupport;

/// <summary>
/// Whether a server the tests need must be there. The README's test command sets
/// <c>LEADPLATFORM_REQUIRE=rabbitmq,chromium</c> after installing them, and CI always does: there a missing server
/// fails the tests instead of skipping them, so a skip can never hide a failure.
/// </summary>
public static class Requirements
{
    public static bool IsRequired(string server) =>
        (Environment.GetEnvironmentVariable("LEADPLATFORM_REQUIRE") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(server, StringComparer.OrdinalIgnoreCase);

    /// <summary>Skips the test with the reason, or fails it when the server is required.</summary>
    public static void SkipUnlessAvailable(string server, string? unavailableReason)
    {
        if (unavailableReason is null) return;
        if (IsRequired(server))
            throw new InvalidOperationException($"{server} is required here (LEADPLATFORM_REQUIRE) but unavailable: {unavailableReason}");
        Assert.Skip(unavailableReason);
    }
}
