namespace LeadPlatform.TestSupport;

/// <summary>What one session of <see cref="LocalSmtpServer"/> does wrong.</summary>
public enum SmtpFault
{
    None,
    /// <summary>Answers the connection with 421 and hangs up: the server is down for now.</summary>
    Down,
    /// <summary>Reads the whole message, then answers 451: not accepted, try again.</summary>
    TryAgainAfterData,
    /// <summary>Keeps the message but closes the connection before confirming it.</summary>
    LoseConnectionAfterData,
}
