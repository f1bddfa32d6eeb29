using System.Net;
using LeadPlatform.FollowUp.Webhooks;

namespace LeadPlatform.FollowUp.Tests.Webhooks;

/// <summary>Without the test-only setting, a webhook goes only over https to a public address: loopback, private, link-local and metadata addresses are refused.</summary>
public sealed class Checking_webhook_targets
{
    [Theory]
    [InlineData("https://127.0.0.1/hook", "not a public address")]
    [InlineData("https://localhost/hook", "not a public address")]
    [InlineData("https://[::1]/hook", "not a public address")]
    [InlineData("https://169.254.169.254/", "not a public address")]
    [InlineData("https://[::ffff:10.1.2.3]/", "not a public address")]
    [InlineData("http://93.184.216.34/hook", "https")]
    [InlineData("https://user:pw@93.184.216.34/hook", "user name")]
    [InlineData("not a url", "absolute")]
    public async Task A_target_that_is_not_https_to_a_public_address_is_refused(string url, string why)
    {
        var problem = await WebhookTargets.ProblemAsync(url, allowLocal: false, TestContext.Current.CancellationToken);

        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_to_a_public_address_is_accepted_and_loopback_only_with_the_test_setting()
    {
        Assert.Null(await WebhookTargets.ProblemAsync("https://93.184.216.34/hook", allowLocal: false, TestContext.Current.CancellationToken));
        Assert.Null(await WebhookTargets.ProblemAsync("http://127.0.0.1:5000/hook", allowLocal: true, TestContext.Current.CancellationToken));
        Assert.False(WebhookTargets.IsAllowed(IPAddress.Parse("10.0.0.1"), allowLocal: true));
    }
}
