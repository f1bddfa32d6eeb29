using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LeadPlatform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>
/// Sends the due webhook deliveries, signed (<see cref="WebhookSignature"/>), one attempt each per round: a 2xx answer
/// marks it delivered; anything else (an error status, a refused or unreachable target, a timeout) is recorded on the
/// delivery and it is tried again after a doubling wait, until <see cref="WebhookOptions.MaxAttempts"/>. Every
/// connection resolves the host and refuses addresses that are not public (<see cref="WebhookTargets"/>).
/// </summary>
internal sealed class WebhookSender(
    IWebhookStore subscriptions, IWebhookDeliveryStore deliveries, IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The webhook sender's round failed; it tries again");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        foreach (var delivery in await deliveries.DueAsync(time.GetUtcNow(), 50, cancellationToken))
        {
            await SendAsync(delivery, cancellationToken);
        }
    }

    private async Task SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(delivery.SubscriptionId, cancellationToken);
        if (subscription is { DeletedAt: null, DisabledAt: not null })
        {
            // Disabled: nothing is sent and no attempt is counted; it waits until an admin enables the subscription again.
            delivery.NextAttemptAt = StoredTime.Truncate(time.GetUtcNow() + options.Value.MaxDelay);
            await deliveries.TryReplaceHeldAsync(delivery, cancellationToken); // false: another sender moved it meanwhile
            return;
        }
        int? status = null;
        string? error = null;
        if (subscription is null || subscription.DeletedAt is not null)
        {
            error = "The subscription was deleted.";
        }
        else
        {
            var body = delivery.Payload.Json;
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret.Value, timestamp, body));
            request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString("D"));
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.Timeout);
                using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode) error = $"The receiver answered {status}.";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = "The receiver did not answer in time.";
            }
            catch (HttpRequestException ex)
            {
                error = ex.InnerException is WebhookTargetRefusedException refused ? refused.Message : $"The receiver could not be reached ({ex.HttpRequestError}).";
            }
        }
        await RecordAsync(delivery, status, error, subscription is null || subscription.DeletedAt is not null, cancellationToken);
    }

    private async Task RecordAsync(WebhookDelivery delivery, int? status, string? error, bool giveUp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = StoredTime.Truncate(now);
        delivery.LastStatusCode = status;
        delivery.LastError = error;
        if (error is null)
        {
            delivery.Status = WebhookDelivery.Delivered;
            delivery.DeliveredAt = delivery.LastAttemptAt;
            logger.LogInformation("Webhook delivery {DeliveryId} ({Event}) delivered on attempt {Attempt}", delivery.Id, delivery.Event, delivery.Attempts);
        }
        else if (giveUp || delivery.Attempts >= options.Value.MaxAttempts)
        {
            delivery.Status = WebhookDelivery.Failed;
            logger.LogWarning("Webhook delivery {DeliveryId} ({Event}) given up after {Attempt} attempts: {Problem}", delivery.Id, delivery.Event, delivery.Attempts, error);
        }
        else
        {
            var wait = TimeSpan.FromTicks(Math.Min(options.Value.MaxDelay.Ticks, options.Value.FirstRetryDelay.Ticks * (1L << Math.Min(delivery.Attempts - 1, 20))));
            delivery.NextAttemptAt = StoredTime.Truncate(now + wait);
            logger.LogInformation("Webhook delivery {DeliveryId} ({Event}) failed on attempt {Attempt}: {Problem}; next attempt in {Wait}",
                delivery.Id, delivery.Event, delivery.Attempts, error, wait);
        }
        // False: another sender recorded it meanwhile (two hosts on one database), and theirs stands.
        await deliveries.TryReplaceHeldAsync(delivery, cancellationToken);
    }

    /// <summary>The connection of every webhook request: the host is resolved here and only an allowed address is dialled.</summary>
    internal static SocketsHttpHandler Handler(bool allowLocal) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.FirstOrDefault(a => WebhookTargets.IsAllowed(a, allowLocal))
                          ?? throw new WebhookTargetRefusedException($"The host {host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}: not a public address.");
            if (addresses.Any(a => !WebhookTargets.IsAllowed(a, allowLocal)))
                throw new WebhookTargetRefusedException($"The host {host} resolves to an address that is not public.");
            var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
