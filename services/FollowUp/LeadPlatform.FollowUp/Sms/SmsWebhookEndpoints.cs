using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace LeadPlatform.FollowUp.Sms;

/// <summary>
/// The SMS provider's inbound webhook. Only a signed, fresh, first-time request is read:
/// <c>X-Timestamp</c> = Unix seconds when the provider sent it; <c>X-Signature</c> = <c>sha256=</c> + lower-case hex of
/// HMAC-SHA256 with the shared secret over <c>{timestamp}.{raw body}</c> (compared in constant time). A timestamp more
/// than <see cref="MaxAge"/> away from now is refused (401), and a request already handled — the same provider message id
/// (<c>X-Message-Id</c> or <c>messageId</c> in the body), or else the same signature — does nothing again (200, duplicate).
/// A reply that opts out (STOP, BAJA, SAIR, "stop texting me", "ya no me escriban", "não quero mais mensagens", ...) opts
/// every lead with that number out of SMS (of everything, under <see cref="FollowUpOptions.OptOutRevokesAllChannels"/>);
/// an ambiguous one ("stop, I'm driving, call later") goes on the timeline flagged (<see cref="FlagDetail"/>) for a
/// coordinator to decide; START (or UNSTOP) opts them in to SMS again, recorded as new consent; any other reply goes on the lead's timeline for a coordinator to read.
/// </summary>
public static class SmsWebhookEndpoints
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Timestamp";
    public const string MessageIdHeader = "X-Message-Id";
    /// <summary>Timeline detail key of a flagged reply; its value is <see cref="PossibleOptOut"/>.</summary>
    public const string FlagDetail = "flag";
    public const string PossibleOptOut = "possible_opt_out";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int MaxBody = 16 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSmsWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/sms/inbound", ReceiveAsync)
            .WithTags("Outreach")
            .WithName("ReceiveSms")
            .WithSummary("Inbound SMS from the provider (signed): STOP and other opt-out replies opt the sender out of SMS.");
        return app;
    }

    /// <summary>The signature a provider sends: <c>sha256=</c> + lower-case hex of HMAC-SHA256 over <c>{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, long timestamp, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Signed(timestamp, body)));

    private static byte[] Signed(long timestamp, byte[] body) =>
        [.. Encoding.ASCII.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."), .. body];

    internal static async Task<Results<Ok<SmsInboundResult>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<FollowUpOptions> options, ILeadStore store, OptOutRecorder optOuts, TimeProvider time, Markers markers,
        ILogger<OptOutRecorder> logger, OptOutConfirmations confirmations, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null) return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The message is too large");
        var secret = options.Value.SmsWebhookSecret;
        var signature = request.Headers[SignatureHeader].ToString();
        var timestamp = long.TryParse(request.Headers[TimestampHeader].ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : (long?)null;
        if (string.IsNullOrEmpty(secret) || timestamp is null || !SignatureMatches(secret, timestamp.Value, body, signature))
        {
            logger.LogWarning("Inbound SMS refused: {Reason}", string.IsNullOrEmpty(secret) ? "FollowUp:SmsWebhookSecret is not set" : "bad or missing signature or timestamp");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed",
                detail: $"The request must be signed: {TimestampHeader} = Unix seconds, {SignatureHeader} = sha256= + hex HMAC-SHA256 of \"{{timestamp}}.{{body}}\" with the shared secret.");
        }
        var sentAt = timestamp.Value is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(timestamp.Value) : DateTimeOffset.MinValue;
        if ((time.GetUtcNow() - sentAt).Duration() > MaxAge)
        {
            logger.LogWarning("Inbound SMS refused: its timestamp is more than {MaxAge} away from now (replayed, or the provider's clock is off)", MaxAge);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Too old",
                detail: $"{TimestampHeader} must be within {MaxAge.TotalMinutes} minutes of now.");
        }

        SmsInboundBody? message;
        try
        {
            message = JsonSerializer.Deserialize<SmsInboundBody>(body, Json);
        }
        catch (JsonException)
        {
            message = null;
        }

        // Each provider message is handled once: by its id when the provider gives one, else by its signature (a replay
        // within the window has the same one). Kept twice the window, so a replay is refused until its timestamp is stale anyway.
        var messageId = request.Headers[MessageIdHeader].ToString() is { Length: > 0 and <= 200 } header ? header : message?.MessageId;
        var dedupeKey = string.IsNullOrWhiteSpace(messageId) ? "signature:" + signature.Trim().ToLowerInvariant() : "id:" + messageId.Trim();
        if (!await markers.TryClaimAsync("sms-webhook", dedupeKey, owner: null, MaxAge * 2, cancellationToken))
        {
            logger.LogInformation("Inbound SMS ignored: the same message was handled already");
            return TypedResults.Ok(new SmsInboundResult(false, 0, 0) { Duplicate = true });
        }

        var errors = new Dictionary<string, string[]>();
        var from = E164(message?.From);
        if (from is null) errors["from"] = ["The sender must be an international (E.164) phone number."];
        if (message?.Text is null) errors["text"] = ["The text is required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The inbound SMS is not valid");

        var classification = SmsOptOutClassifier.Default.Classify(message!.Text);
        var optIn = !classification.IsOptOut && IsOptIn(message.Text!);
        var leads = await store.FindByPhoneAsync(from!, 50, cancellationToken);
        var changed = 0;
        foreach (var lead in leads)
        {
            if (optIn)
            {
                if (await optOuts.OptInToSmsAsync(lead.Id, cancellationToken) == true) changed++;
            }
            else if (classification.IsOptOut)
            {
                var scope = OptOutScopeNames.ToContractName(classification.Scope ?? OptOutScope.Sms);
                if (await optOuts.OptOutAsync(lead.Id, scope, "sms_reply", "lead", cancellationToken) == true) changed++;
            }
            else
            {
                await RecordReplyAsync(store, lead.Id, message.Text!, classification, time, cancellationToken);
            }
        }

        // The one-time confirmation text (at most one to the number within 5 minutes), in the reply's or the lead's language.
        if (classification.IsOptOut && leads.Count > 0) await confirmations.SendAsync(from!, leads, message.Text!, dedupeKey, cancellationToken);

        logger.LogInformation("Inbound SMS for {LeadCount} lead(s): opt-out {IsOptOut}, opt-in {IsOptIn}, ambiguous {IsAmbiguous} (keywords {KeywordVersion})",
            leads.Count, classification.IsOptOut, optIn, classification.IsAmbiguous, classification.Version);
        return TypedResults.Ok(new SmsInboundResult(classification.IsOptOut, leads.Count, changed) { Flagged = classification.IsAmbiguous });
    }

    /// <summary>START or UNSTOP alone (any case, surrounding punctuation ignored): the carrier keywords for opting back in to texts.</summary>
    internal static bool IsOptIn(string text)
    {
        var word = text.Trim().Trim('.', '!', '"', '\'', ' ');
        return word.Equals("START", StringComparison.OrdinalIgnoreCase) || word.Equals("UNSTOP", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task RecordReplyAsync(ILeadStore store, Guid leadId, string text, SmsReplyClassification classification, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await store.UpdateAsync(leadId, lead =>
        {
            var details = new Dictionary<string, string> { ["text"] = text.Length > 1600 ? text[..1600] : text };
            if (classification.IsAmbiguous)
            {
                details[FlagDetail] = PossibleOptOut;
                details["matched"] = classification.Matched ?? string.Empty;
                details["keywords"] = classification.Version;
            }

            lead.Record(new TimelineEntry
            {
                At = time.UtcNow(),
                Kind = TimelineKind.SmsReceived,
                Summary = classification.IsAmbiguous
                    ? $"SMS reply that may be an opt-out (\"{classification.Matched}\" with other words): read it, and record an opt-out if the lead meant one"
                    : "SMS reply from the lead (not an opt-out): read it and answer",
                Actor = "lead",
                Details = details,
            });
            return true;
        }, cancellationToken);
    }

    internal static bool SignatureMatches(string secret, long timestamp, byte[] body, string header)
    {
        var hex = header.Trim();
        if (hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) hex = hex[7..];
        byte[] provided;
        try
        {
            provided = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Signed(timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string? E164(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var number = util.Parse(phone, null);
            return util.IsValidNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
