namespace LeadPlatform.TestSupport;

/// <summary>A message as <see cref="LocalSmtpServer"/> received it: the envelope and the RFC 5322 text (CRLF line ends).</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, string Data);
