using System.Net.Mail;
using System.Text.Json;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Email;

/// <summary>
/// The mail provider's webhooks, signed like the SMS webhook (<see cref="SmsWebhookEndpoints"/>: <c>X-Timestamp</c>,
/// <c>X-Signature: sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c>, at most 5 minutes old, each message once)
/// with their own secret, <c>FollowUp:EmailWebhookSecret</c>.
/// <c>POST /api/v1/email/inbound</c>: a reply from a lead, attached by the sender's address to every lead with it
/// (<c>email_received</c> on the timeline, so in the inbox). <c>POST /api/v1/email/events</c>: a hard bounce or a spam
/// complaint suppresses the address: an opt-out of email with source <c>bounce</c> or <c>complaint</c>, announced as
/// <c>LeadOptedOut</c> like any other. A bounce is about the address, not the person's wish, so it suppresses email only
/// (never "all"); a complaint is the person's own act and follows the opt-out policy. A soft bounce changes nothing.
/// </summary>
public static class EmailWebhookEndpoints
{
    public const string HardBounce = "hard_bounce";
    public const string SoftBounce = "soft_bounce";
    public const string Complaint = "complaint";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapEmailWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/email/inbound", InboundAsync)
            .WithTags("Outreach").WithName("ReceiveEmail")
            .WithSummary("Inbound email from the mail provider (signed): a lead's reply, attached by the sender's address and listed in the inbox.");
        app.MapPost("/api/v1/email/events", EventsAsync)
            .WithTags("Outreach").WithName("ReceiveEmailEvent")
            .WithSummary("Delivery events from the mail provider (signed): a hard bounce or spam complaint suppresses the address (an opt-out of email).");
        return app;
    }

    internal static async Task<Results<Ok<EmailWebhookResult>, ValidationProblem, ProblemHttpResult>> InboundAsync(
        HttpRequest request, IOptions<FollowUpOptions> options, ILeadStore store, TimeProvider time, Markers markers,
        ILogger<OptOutRecorder> logger, CancellationToken cancellationToken)
    {
        var (body, refused) = await VerifiedAsync(request, options.Value, time, logger, cancellationToken);
        if (refused is not null) return refused;
        var message = Parse<EmailInboundBody>(body!);
        var errors = new Dictionary<string, string[]>();
        var from = Address(message?.From);
        if (message is null) errors["body"] = ["The body must be a JSON object: { \"from\", \"subject\", \"text\", \"messageId\" }."];
        else
        {
            if (from is null) errors["from"] = ["The sender must be an email address."];
            if (string.IsNullOrWhiteSpace(message.Text)) errors["text"] = ["The text is required."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The inbound email is not valid");
        if (!await markers.TryClaimAsync("email-webhook", DedupeKey(request, message!.MessageId), owner: null, SmsWebhookEndpoints.MaxAge * 2, cancellationToken))
            return TypedResults.Ok(new EmailWebhookResult(0, 0) { Duplicate = true });

        var leads = await store.FindByEmailAsync(from!, 50, cancellationToken);
        var changed = 0;
        foreach (var lead in leads)
        {
            if (await RecordReplyAsync(store, lead.Id, message, time, cancellationToken)) changed++;
        }
        logger.LogInformation("Inbound email for {LeadCount} lead(s)", leads.Count);
        return TypedResults.Ok(new EmailWebhookResult(leads.Count, changed));
    }

    internal static async Task<Results<Ok<EmailWebhookResult>, ValidationProblem, ProblemHttpResult>> EventsAsync(
        HttpRequest request, IOptions<FollowUpOptions> options, ILeadStore store, OptOutRecorder optOuts, TimeProvider time, Markers markers,
        ILogger<OptOutRecorder> logger, CancellationToken cancellationToken)
    {
        var (body, refused) = await VerifiedAsync(request, options.Value, time, logger, cancellationToken);
        if (refused is not null) return refused;
        var e = Parse<EmailEventBody>(body!);
        var errors = new Dictionary<string, string[]>();
        var email = Address(e?.Email);
        if (e is null) errors["body"] = ["The body must be a JSON object: { \"event\", \"email\", \"eventId\", \"reason\" }."];
        else
        {
            if (e.Event is not (HardBounce or SoftBounce or Complaint)) errors["event"] = [$"The event must be {HardBounce}, {SoftBounce} or {Complaint}."];
            if (email is null) errors["email"] = ["The recipient must be an email address."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The email event is not valid");
        if (!await markers.TryClaimAsync("email-webhook", DedupeKey(request, e!.EventId), owner: null, SmsWebhookEndpoints.MaxAge * 2, cancellationToken))
            return TypedResults.Ok(new EmailWebhookResult(0, 0) { Duplicate = true });
        if (e.Event == SoftBounce)
        {
            logger.LogInformation("Soft bounce received: nothing suppressed");
            return TypedResults.Ok(new EmailWebhookResult(0, 0));
        }

        var source = e.Event == HardBounce ? "bounce" : "complaint";
        var leads = await store.FindByEmailAsync(email!, 50, cancellationToken);
        var changed = 0;
        foreach (var lead in leads)
        {
            // A bounce says the address is dead, not what the person wants: email only, whatever the opt-out policy.
            if (await optOuts.OptOutAsync(lead.Id, "email", source, "mail provider", cancellationToken, addressOnly: source == "bounce") == true) changed++;
        }
        logger.LogInformation("Email {EmailEvent} suppressed the address on {LeadCount} lead(s), {Changed} newly", e.Event, leads.Count, changed);
        return TypedResults.Ok(new EmailWebhookResult(leads.Count, changed) { Suppressed = leads.Count > 0 });
    }

    private static async Task<(byte[]? Body, ProblemHttpResult? Refused)> VerifiedAsync(HttpRequest request, FollowUpOptions options, TimeProvider time,
        ILogger logger, CancellationToken cancellationToken)
    {
        var body = await SmsWebhookEndpoints.ReadBodyAsync(request, cancellationToken);
        if (body is null) return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The message is too large"));
        var secret = options.EmailWebhookSecret;
        var signature = request.Headers[SmsWebhookEndpoints.SignatureHeader].ToString();
        var timestamp = long.TryParse(request.Headers[SmsWebhookEndpoints.TimestampHeader].ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : (long?)null;
        if (string.IsNullOrEmpty(secret) || timestamp is null || !SmsWebhookEndpoints.SignatureMatches(secret, timestamp.Value, body, signature))
        {
            logger.LogWarning("Email webhook refused: {Reason}", string.IsNullOrEmpty(secret) ? "FollowUp:EmailWebhookSecret is not set" : "bad or missing signature or timestamp");
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed",
                detail: $"The request must be signed: {SmsWebhookEndpoints.TimestampHeader} = Unix seconds, {SmsWebhookEndpoints.SignatureHeader} = sha256= + hex HMAC-SHA256 of \"{{timestamp}}.{{body}}\" with the shared secret."));
        }
        var sentAt = timestamp.Value is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(timestamp.Value) : DateTimeOffset.MinValue;
        if ((time.GetUtcNow() - sentAt).Duration() > SmsWebhookEndpoints.MaxAge)
        {
            logger.LogWarning("Email webhook refused: its timestamp is more than {MaxAge} away from now", SmsWebhookEndpoints.MaxAge);
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Too old",
                detail: $"{SmsWebhookEndpoints.TimestampHeader} must be within {SmsWebhookEndpoints.MaxAge.TotalMinutes} minutes of now."));
        }
        return (body, null);
    }

    private static T? Parse<T>(byte[] body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string DedupeKey(HttpRequest request, string? id)
    {
        var messageId = request.Headers[SmsWebhookEndpoints.MessageIdHeader].ToString() is { Length: > 0 and <= 200 } header ? header : id;
        return string.IsNullOrWhiteSpace(messageId)
            ? "signature:" + request.Headers[SmsWebhookEndpoints.SignatureHeader].ToString().Trim().ToLowerInvariant()
            : "id:" + messageId.Trim();
    }

    /// <summary>The bare address of "Name &lt;address&gt;" or "address", or null when it is not one.</summary>
    internal static string? Address(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 320) return null;
        try
        {
            var address = new MailAddress(value.Trim()).Address;
            return address.Contains('@', StringComparison.Ordinal) ? address : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<bool> RecordReplyAsync(ILeadStore store, Guid leadId, EmailInboundBody message, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await store.UpdateAsync(leadId, lead =>
        {
            if (lead.ErasedAt is not null) return false;
            var text = message.Text!.Trim();
            var details = new Dictionary<string, string> { ["text"] = text.Length > 8000 ? text[..8000] : text };
            if (!string.IsNullOrWhiteSpace(message.Subject)) details["subject"] = message.Subject.Trim() is var s && s.Length > 300 ? s[..300] : message.Subject.Trim();
            lead.Record(new TimelineEntry
            {
                At = time.UtcNow(),
                Kind = TimelineKind.EmailReceived,
                Summary = "Email reply from the lead: read it and answer",
                Actor = "lead",
                Details = details,
            });
            return true;
        }, cancellationToken);
        return result.Updated;
    }
}
