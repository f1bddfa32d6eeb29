using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// SMS through a provider's HTTP API (<c>FollowUp:Sms:Provider=http</c>): one JSON POST per attempt with
/// <c>Idempotency-Key: {OutreachId}</c>, so a retry after a timeout or a lost answer is recognised by the provider as the
/// same text and never sent twice. 2xx: accepted. 408, 409 (the first attempt is still in progress), 425, 429 and 5xx,
/// timeouts and network errors: retried by <see cref="ChannelDelivery"/>. Any other 4xx: refused for good.
/// </summary>
internal sealed class HttpSmsChannel(IHttpClientFactory clients, IOptions<FollowUpOptions> options, TimeProvider time, ILogger<HttpSmsChannel> logger) : IOutreachChannel
{
    public const string ClientName = "sms-provider";
    public const string IdempotencyHeader = "Idempotency-Key";

    public OutreachChannel Channel => OutreachChannel.Sms;

    public async Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
    {
        ChannelRules.EnsureSendable(outreach, Channel, time);
        var sms = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Path.TrimStart('/'))
        {
            Content = JsonContent.Create(new
            {
                to = outreach.Recipient,
                from = sms.From,
                body = outreach.Message,
                reference = outreach.OutreachId.ToString("D"),
            }),
        };
        request.Headers.Add(IdempotencyHeader, outreach.OutreachId.ToString("D"));
        if (!string.IsNullOrEmpty(sms.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient's timeout: the provider may or may not have the text; the idempotency key makes a retry safe.
            throw new TimeoutException($"The SMS provider did not answer within {sms.Timeout.TotalSeconds:0.#} s.", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var id = await ProviderIdAsync(response, ct);
                logger.LogInformation("SMS provider accepted outreach {OutreachId} for lead {LeadId} ({StatusCode})", outreach.OutreachId, outreach.LeadId, status);
                return new ChannelReceipt { OutreachId = outreach.OutreachId, Channel = Channel, AcceptedAt = time.GetUtcNow(), ProviderMessageId = id ?? $"sms/{outreach.OutreachId:D}" };
            }

            if (IsTransient(response.StatusCode))
            {
                throw new HttpRequestException($"The SMS provider answered {status}: try again.", null, response.StatusCode);
            }

            throw new ChannelRejectedException($"The SMS provider refused the text ({status}).");
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or (HttpStatusCode)425 or HttpStatusCode.TooManyRequests
        || (int)status >= 500;

    private static async Task<string?> ProviderIdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) return null;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonNode>(ct) as JsonObject;
            var id = body?["id"] ?? body?["messageId"] ?? body?["sid"];
            return id?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)id : id?.ToJsonString();
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // accepted all the same; the id is a convenience
        }
    }
}
