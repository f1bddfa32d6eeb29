using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.Compliance.Tests;

public sealed class Suppression
{
    [Theory]
    [InlineData(OptOutScope.Sms, OutreachChannel.Sms)]
    [InlineData(OptOutScope.Email, OutreachChannel.Email)]
    [InlineData(OptOutScope.Phone, OutreachChannel.Phone)]
    [InlineData(OptOutScope.All, OutreachChannel.Email)]
    [InlineData(OptOutScope.All, OutreachChannel.Sms)]
    public void An_opt_out_blocks_the_channel_it_covers_immediately(OptOutScope scope, OutreachChannel channel)
    {
        var facts = GateKit.Facts() with { OptOuts = [scope] };

        var decision = GateKit.Gate().Check(GateKit.Draft(channel), facts);

        Assert.Equal([ComplianceRules.OptedOut], decision.Rules());
        Assert.Null(decision.Outreach);
        Assert.Null(decision.NextAllowedAt);
    }

    [Fact]
    public void An_sms_opt_out_leaves_email_open()
    {
        var facts = GateKit.Facts() with { OptOuts = [OptOutScope.Sms] };

        Assert.True(GateKit.Gate().Check(GateKit.Draft(OutreachChannel.Email), facts).Cleared);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop.")]
    [InlineData("STOP!!!")]
    [InlineData("STOPALL")]
    [InlineData("Unsubscribe")]
    [InlineData("CANCEL")]
    [InlineData("end")]
    [InlineData("Quit")]
    [InlineData("REVOKE")]
    [InlineData("opt out")]
    [InlineData("Opt-out please")]
    [InlineData("stop please, thanks")]
    [InlineData("S.T.O.P")]
    [InlineData("\uFF33\uFF34\uFF2F\uFF30")]
    [InlineData("ST\u041EP")]
    [InlineData("stop texting me")]
    [InlineData("Please stop messaging me, I'm not interested.")]
    [InlineData("Don't text me again")]
    [InlineData("do not contact me")]
    [InlineData("Take me off your list")]
    [InlineData("no more texts please")]
    [InlineData("Wrong number")]
    public void An_inbound_stop_reply_opts_the_lead_out_of_sms(string reply)
    {
        var result = SmsOptOutClassifier.Default.Classify(reply);

        Assert.True(result.IsOptOut, reply);
        Assert.Equal(OptOutScope.Sms, result.Scope);
        Assert.False(string.IsNullOrEmpty(result.Matched));
    }

    [Theory]
    [InlineData("Yes, Tuesday at 10 works")]
    [InlineData("Can you send the quote again?")]
    [InlineData("I need to cancel my appointment on Friday, can we move it?")]
    [InlineData("When should I stop taking ibuprofen before the visit?")]
    [InlineData("What happens at the end of the consultation?")]
    [InlineData("")]
    public void An_ordinary_reply_is_not_an_opt_out(string reply)
    {
        Assert.False(SmsOptOutClassifier.Default.Classify(reply).IsOptOut);
    }

    [Fact]
    public void An_unsubscribe_link_identifies_the_lead_without_login_for_at_least_thirty_days()
    {
        var clock = new FakeTimeProvider(GateKit.NoonInNewYork);
        var tokens = new UnsubscribeTokens(Key(1), clock);
        var token = tokens.Issue(GateKit.LeadId);

        clock.Advance(TimeSpan.FromDays(30));
        var result = tokens.Validate(token);

        Assert.True(result.IsValid);
        Assert.Equal(GateKit.LeadId, result.LeadId);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', "URL-safe"));
    }

    [Fact]
    public void An_unsubscribe_link_expires_when_its_lifetime_is_over()
    {
        var clock = new FakeTimeProvider(GateKit.NoonInNewYork);
        var tokens = new UnsubscribeTokens(Key(1), clock, TimeSpan.FromDays(45));
        var token = tokens.Issue(GateKit.LeadId);

        clock.Advance(TimeSpan.FromDays(45));
        var result = tokens.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("expired", result.Failure);
    }

    [Fact]
    public void An_unsubscribe_link_cannot_be_issued_for_less_than_thirty_days()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnsubscribeTokens(Key(1), TimeProvider.System, TimeSpan.FromDays(29)));
    }

    [Fact]
    public void A_tampered_or_foreign_unsubscribe_link_is_refused()
    {
        var clock = new FakeTimeProvider(GateKit.NoonInNewYork);
        var token = new UnsubscribeTokens(Key(1), clock).Issue(GateKit.LeadId);
        var otherLead = new UnsubscribeTokens(Key(1), clock).Issue(Guid.NewGuid());
        // Half of one sealed link, half of another's (version 2 tokens are one ciphertext after "2.").
        var spliced = token[..(token.Length / 2)] + otherLead[(otherLead.Length / 2)..];

        Assert.Equal("bad-signature", new UnsubscribeTokens(Key(2), clock).Validate(token).Failure);
        Assert.Equal("bad-signature", new UnsubscribeTokens(Key(1), clock).Validate(spliced).Failure);
        Assert.Equal("malformed", new UnsubscribeTokens(Key(1), clock).Validate("not-a-token").Failure);
    }

    [Fact]
    public void An_unsubscribe_link_says_nothing_about_the_lead()
    {
        var clock = new FakeTimeProvider(GateKit.NoonInNewYork);
        var tokens = new UnsubscribeTokens(Key(1), clock);
        var token = tokens.Issue(GateKit.LeadId);
        var again = tokens.Issue(GateKit.LeadId);

        var id = GateKit.LeadId.ToByteArray();
        var decoded = Decode(token[(token.IndexOf('.') + 1)..]);
        Assert.False(decoded.AsSpan().IndexOf(id.AsSpan(0, 8)) >= 0, "the lead id's bytes are not in the link");
        Assert.DoesNotContain(GateKit.LeadId.ToString("N"), token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(id)[..10].Replace('+', '-').Replace('/', '_'), token, StringComparison.Ordinal);
        Assert.NotEqual(token, again); // a fresh nonce each time: two links of one lead cannot be matched up
        Assert.Equal(GateKit.LeadId, tokens.Validate(again).LeadId);
    }

    [Fact]
    public void A_link_sent_before_links_were_sealed_still_unsubscribes_until_it_expires()
    {
        var clock = new FakeTimeProvider(GateKit.NoonInNewYork);
        var old = SignedVersion1(Key(1), GateKit.LeadId, (clock.GetUtcNow() + TimeSpan.FromDays(60)).ToUnixTimeSeconds());

        var result = new UnsubscribeTokens(Key(1), clock).Validate(old);

        Assert.True(result.IsValid);
        Assert.Equal(GateKit.LeadId, result.LeadId);
        clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal("expired", new UnsubscribeTokens(Key(1), clock).Validate(old).Failure);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(253402300800L)] // 10000-01-01: one second past DateTimeOffset.MaxValue
    [InlineData(-62135596801L)]
    [InlineData(long.MinValue)]
    public void A_signed_link_with_an_expiry_no_clock_can_reach_is_refused_as_malformed(long expiry)
    {
        var token = SignedVersion1(Key(1), GateKit.LeadId, expiry);

        var result = new UnsubscribeTokens(Key(1), new FakeTimeProvider(GateKit.NoonInNewYork)).Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("malformed", result.Failure);
    }

    /// <summary>A version 1 link as this product issued them before: readable payload, HMAC-signed.</summary>
    internal static string SignedVersion1(byte[] key, Guid leadId, long expiresUnixSeconds)
    {
        var payload = new byte[25];
        payload[0] = 1;
        leadId.TryWriteBytes(payload.AsSpan(1, 16));
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(17, 8), expiresUnixSeconds);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(key, (byte[])[.. "leadplatform.unsubscribe.email.v1|"u8.ToArray(), .. payload]);
        return Base64Url(payload) + "." + Base64Url(mac);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Decode(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    private static byte[] Key(byte seed) => [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + seed))];
}

public sealed class Opt_out_names
{
    [Theory]
    [InlineData("email", OptOutScope.Email)]
    [InlineData("SMS", OptOutScope.Sms)]
    [InlineData("phone", OptOutScope.Phone)]
    [InlineData("all", OptOutScope.All)]
    [InlineData("fax", OptOutScope.All)]
    [InlineData(null, OptOutScope.All)]
    public void An_opt_out_message_we_cannot_read_stops_all_contact(string? channel, OptOutScope expected)
    {
        Assert.Equal(expected, OptOutScopeNames.Parse(channel));
        Assert.Equal(expected, OptOutScopeNames.Parse(OptOutScopeNames.ToContractName(expected)));
    }
}
