using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Slows password guessing without letting an attacker lock a coordinator out. Failures are counted per account and
/// per client address (IPv6 by /64), in memory on this replica, and forgotten after <see cref="ForgetAfter"/> without a failure.
/// <list type="bullet">
/// <item>Per address: after <see cref="AddressFreeFailures"/> failures each further try waits twice as long as the one
/// before (1 s, 2 s, 4 s …), up to <see cref="AddressCap"/>.</item>
/// <item>Per account: from addresses that never signed in to it, the 3rd failure means a wait of 2 s, the 4th 10 s, and from
/// the 5th at most one try per <see cref="AccountCap"/> — never longer, so the real person waits half a minute at worst;
/// from an address the account signed in from before, only the address's own count applies.</item>
/// </list>
/// A refused try is not checked (no password hashing) and does not count. Logged for operations with the email masked
/// and the address cut to its network (/24, /64).
/// </summary>
public sealed class SignInThrottle(TimeProvider time, ILogger<SignInThrottle> logger)
{
    public const int AddressFreeFailures = 5;
    public static readonly TimeSpan AccountCap = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan AddressCap = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(15);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Counter> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Counter> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>How long this client must wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string email, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var account = UserAccount.Normalize(email);
        var network = Network(address);
        TimeSpan? wait = null;
        if (_addresses.TryGetValue(network, out var byAddress) && Live(byAddress, now))
        {
            wait = Max(wait, byAddress.LastFailure + AddressDelay(byAddress.Failures) - now);
        }
        if (!_known.ContainsKey(account + "|" + network) && _accounts.TryGetValue(account, out var byAccount) && Live(byAccount, now))
        {
            wait = Max(wait, byAccount.LastFailure + AccountDelay(byAccount.Failures) - now);
        }
        if (wait is not { } w || w <= TimeSpan.Zero) return null;
        var seconds = TimeSpan.FromSeconds(Math.Ceiling(w.TotalSeconds));
        logger.LogWarning("Dashboard sign-in throttled for {MaskedEmail} from {ClientNetwork}: wait {RetryAfterSeconds} s",
            Mask(account), ForLog(network), (int)seconds.TotalSeconds);
        return seconds;
    }

    public void Failed(string email, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var account = UserAccount.Normalize(email);
        var network = Network(address);
        Prune(now);
        var a = _accounts.AddOrUpdate(account, _ => new Counter(1, now), (_, c) => Live(c, now) ? new Counter(c.Failures + 1, now) : new Counter(1, now));
        var n = _addresses.AddOrUpdate(network, _ => new Counter(1, now), (_, c) => Live(c, now) ? new Counter(c.Failures + 1, now) : new Counter(1, now));
        logger.LogWarning("Dashboard sign-in failed for {MaskedEmail} from {ClientNetwork}: {AccountFailures} failures for the account, {AddressFailures} from the network",
            Mask(account), ForLog(network), a.Failures, n.Failures);
    }

    public void Succeeded(string email, IPAddress? address)
    {
        var account = UserAccount.Normalize(email);
        var network = Network(address);
        _accounts.TryRemove(account, out _);
        if (_known.Count < MaxEntries) _known[account + "|" + network] = 0;
    }

    internal static TimeSpan AccountDelay(int failures) => failures switch
    {
        < 3 => TimeSpan.Zero,
        3 => TimeSpan.FromSeconds(2),
        4 => TimeSpan.FromSeconds(10),
        _ => AccountCap,
    };

    internal static TimeSpan AddressDelay(int failures) =>
        failures <= AddressFreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(AddressCap.TotalSeconds, Math.Pow(2, Math.Min(failures - AddressFreeFailures - 1, 20))));

    /// <summary><c>a***@clinic.example</c>: enough for operations to tell attacks apart, not who the person is.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0) return "***";
        return email[0] + "***" + email[at..];
    }

    /// <summary>For the log: an IPv4 address cut to its /24 (the /64 of IPv6 already says no more than the network).</summary>
    private static string ForLog(string network) =>
        IPAddress.TryParse(network, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
            ? string.Join('.', network.Split('.').Take(3)) + ".0/24"
            : network;

    /// <summary>The client as counted: an IPv4 address, or an IPv6 address's /64 (one subscriber's whole range counts as one client).</summary>
    public static string Network(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            for (var i = 8; i < 16; i++) bytes[i] = 0;
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    private static bool Live(Counter counter, DateTimeOffset now) => now - counter.LastFailure < ForgetAfter;

    private static TimeSpan? Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    private void Prune(DateTimeOffset now)
    {
        if (_accounts.Count + _addresses.Count < MaxEntries) return;
        foreach (var (key, counter) in _accounts) if (!Live(counter, now)) _accounts.TryRemove(key, out _);
        foreach (var (key, counter) in _addresses) if (!Live(counter, now)) _addresses.TryRemove(key, out _);
    }

    private sealed record Counter(int Failures, DateTimeOffset LastFailure);
}
