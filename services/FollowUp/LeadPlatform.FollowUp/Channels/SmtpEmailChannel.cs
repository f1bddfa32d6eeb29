using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// Email through a mail server (<c>FollowUp:Smtp</c>) with MailKit: the same message as the file channel
/// (<see cref="OutreachEmail"/>), one connection per outreach.
/// <para>
/// What a failure means decides whether it may be retried (by <see cref="ChannelDelivery"/>, with the same OutreachId
/// and so the same Message-Id):
/// </para>
/// <list type="bullet">
/// <item>the server could not be reached, refused the session, or answered a command with a 4xx (including after the
/// message data): nothing was accepted, so a retry cannot make a second message — it is retried;</item>
/// <item>a 5xx answer (recipient or message refused for good), refused credentials: <see cref="ChannelRejectedException"/>, not retried;</item>
/// <item>the connection was lost after the whole message was handed over, before the server confirmed it: the server
/// may have accepted it. Not sent again (the outreach is recorded as failed, unconfirmed), unless
/// <see cref="SmtpOptions.RetryUnconfirmed"/> says so.</item>
/// </list>
/// A failure after the server accepted the message (saying goodbye) is ignored: the message was accepted.
/// </summary>
internal sealed class SmtpEmailChannel(IOptions<FollowUpOptions> options, TimeProvider time, ILogger<SmtpEmailChannel> logger,
    Consultations.ConsultationInvites? invites = null) : IOutreachChannel
{
    public OutreachChannel Channel => OutreachChannel.Email;

    public async Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
    {
        ChannelRules.EnsureSendable(outreach, Channel, time);
        var smtp = options.Value.Smtp;
        var invite = invites is null ? null : await invites.ForAsync(outreach, ct);
        var message = OutreachEmail.Compose(outreach, smtp.FromAddress is { Length: > 0 } from ? from : options.Value.FromAddress, invite);
        var handedOver = new HandOverProgress();
        using var client = new SmtpClient { Timeout = (int)Math.Clamp(smtp.Timeout.TotalMilliseconds, 1000, int.MaxValue) };
        string response;
        try
        {
            await client.ConnectAsync(smtp.Host ?? string.Empty, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
            response = await client.SendAsync(message, ct, handedOver);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new ChannelRejectedException($"The mail server refused the {Stage(ex.ErrorCode)} ({(int)ex.StatusCode}).");
        }
        catch (AuthenticationException)
        {
            throw new ChannelRejectedException("The mail server refused the configured credentials (FollowUp:Smtp:User).");
        }
        catch (Exception ex) when (handedOver.Complete && ex is not SmtpCommandException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Mail server connection lost after outreach {OutreachId} for lead {LeadId} was handed over, before it was confirmed ({ErrorType}); Message-Id {MessageId}",
                outreach.OutreachId, outreach.LeadId, ex.GetType().Name, message.MessageId);
            if (smtp.RetryUnconfirmed) throw;
            throw new ChannelRejectedException(
                "Delivery unconfirmed: the connection to the mail server was lost after the message was handed over. It may have arrived, so it was not sent again (no second message to the lead).");
        }

        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException or OperationCanceledException or TimeoutException)
        {
            // The server accepted the message; saying goodbye does not matter.
        }

        logger.LogInformation("Mail server accepted outreach {OutreachId} for lead {LeadId}: {SmtpResponse}", outreach.OutreachId, outreach.LeadId, response);
        return new ChannelReceipt { OutreachId = outreach.OutreachId, Channel = Channel, AcceptedAt = time.GetUtcNow(), ProviderMessageId = message.MessageId };
    }

    private static string Stage(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient",
        SmtpErrorCode.SenderNotAccepted => "sender",
        SmtpErrorCode.MessageNotAccepted => "message",
        _ => "session",
    };

    /// <summary>Notes when MailKit has written the whole message: from then on a lost connection leaves delivery uncertain.</summary>
    private sealed class HandOverProgress : ITransferProgress
    {
        private long _written;
        private long _total = -1;

        public bool Complete => _total >= 0 && Interlocked.Read(ref _written) >= _total;

        public void Report(long bytesTransferred, long totalSize)
        {
            Interlocked.Exchange(ref _total, totalSize);
            Interlocked.Exchange(ref _written, bytesTransferred);
        }

        public void Report(long bytesTransferred) => Interlocked.Exchange(ref _written, bytesTransferred);
    }
}
