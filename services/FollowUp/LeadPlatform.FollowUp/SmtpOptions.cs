using MailKit.Security;

namespace LeadPlatform.FollowUp;

/// <summary>
/// The <c>FollowUp:Smtp</c> section. With <see cref="Host"/> set, outreach email goes to that mail server (MailKit);
/// unset, it is written as <c>.eml</c> files into the outbox folder.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The mail server (relay or submission service). Unset: the file channel.</summary>
    public string? Host { get; set; }

    /// <summary>587 for submission with STARTTLS, 465 for TLS on connect, 25 for a relay.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (default: fail if the server cannot), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>,
    /// <c>Auto</c> (MailKit decides by port) or <c>None</c> (a relay on a trusted network, or a test server).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Sign-in at the server; unset: no authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The From of outreach email sent this way. Unset: <c>FollowUp:FromAddress</c>.</summary>
    public string? FromAddress { get; set; }

    /// <summary>How long one network step (connect, a command, the message data) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether to send again after an uncertain failure: the connection was lost after the whole message was handed
    /// over but before the server confirmed it. The server may have accepted it, so sending again may give the lead a
    /// second copy (with the same Message-Id, which some mailboxes fold into one). Default false: such an outreach is
    /// recorded as failed (unconfirmed) and not sent again.
    /// </summary>
    public bool RetryUnconfirmed { get; set; }
}
