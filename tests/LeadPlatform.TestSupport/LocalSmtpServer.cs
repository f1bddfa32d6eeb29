using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LeadPlatform.TestSupport;

/// <summary>
/// A small real SMTP server on a free loopback port (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET,
/// NOOP, QUIT; 8BITMIME advertised; no TLS, no authentication), which keeps every message it accepts. Faults can be
/// scheduled for the next sessions: the server is "down" (421 and hang up), answers the message data with a 451, or
/// keeps the message but loses the connection before confirming it (the uncertain case for a client).
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpFault> _faults = new();
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly Task _accepting;
    private int _sessions;

    private LocalSmtpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Every message accepted (or kept before a lost connection), in order.</summary>
    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    /// <summary>How many connections the server has taken.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public static LocalSmtpServer Start() => new();

    /// <summary>The next session meets <paramref name="fault"/> (one scheduled fault per session, in order).</summary>
    public LocalSmtpServer Then(SmtpFault fault)
    {
        _faults.Enqueue(fault);
        return this;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _sessions);
            var fault = _faults.TryDequeue(out var next) ? next : SmtpFault.None;
            _ = Task.Run(() => ServeAsync(client, fault));
        }
    }

    private async Task ServeAsync(TcpClient client, SmtpFault fault)
    {
        using var _ = client;
        var ct = _stop.Token;
        try
        {
            await using var stream = client.GetStream();
            var reader = new StreamReader(stream, new UTF8Encoding(false), false, 1024, leaveOpen: true);
            var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            if (fault == SmtpFault.Down)
            {
                await writer.WriteLineAsync("421 4.3.2 Service not available, closing transmission channel");
                return;
            }

            await writer.WriteLineAsync("220 localhost ESMTP LeadPlatform test server");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SIZE 10485760");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        if (from is null || to.Count == 0)
                        {
                            await writer.WriteLineAsync("503 5.5.1 MAIL and RCPT first");
                            break;
                        }
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader, ct);
                        if (fault == SmtpFault.TryAgainAfterData)
                        {
                            await writer.WriteLineAsync("451 4.3.0 Temporary failure, try again later");
                        }
                        else
                        {
                            _messages.Enqueue(new ReceivedMail(from, [.. to], data));
                            if (fault == SmtpFault.LoseConnectionAfterData) return; // kept, never confirmed
                            await writer.WriteLineAsync($"250 2.0.0 OK queued as {_messages.Count}");
                        }
                        from = null;
                        to.Clear();
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the server stops.
        }
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }
        return data.ToString();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
