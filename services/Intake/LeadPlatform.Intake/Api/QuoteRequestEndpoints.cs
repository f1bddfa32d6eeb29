using System.Text.Json;
using LeadPlatform.Intake.Forms;
using LeadPlatform.Intake.Sites;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Intake.Submissions;
using LeadPlatform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadPlatform.Intake.Api;

public static class QuoteRequestEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string IdempotentReplayedHeader = "Idempotent-Replayed";
    public const int IdempotencyKeyMax = 200;
    private const string LoggerName = "LeadPlatform.Intake.QuoteRequests";
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static IEndpointRouteBuilder MapQuoteRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quote-requests").WithTags("Quote requests")
            .RequireCors(IntakeHttp.CorsPolicy);
        // Submissions are what the limits protect; a status read stores nothing, and a page polling for the status of
        // the request it just sent must not use up the budget of the next person's form on the same network.
        group.MapPost("/", SubmitAsync)
            .WithMetadata(IntakeHttp.RateLimited)
            .WithName("SubmitQuoteRequest")
            .WithSummary("Submit a quote request: JSON with X-Api-Key, or a plain HTML form post from an allowed origin.")
            .WithDescription(
                "JSON (`application/json`, header `X-Api-Key`) answers 202 with the `quoteRequestId` (never a lead id: whether the person is known is not told). A plain HTML form post " +
                "(`application/x-www-form-urlencoded`, the same names flattened with dots: `consent.email.granted=true`, " +
                "`source.formId`, `treatmentsTried` repeated) is authorised by the origin of the page that posted it and answers " +
                "303 to the site's thank-you page, or, when invalid, 303 to its error page (or a 400 HTML page naming the fields). " +
                "An `Idempotency-Key` makes retries safe; without one, the same person, inquiry and consent again within the " +
                "dedupe window is answered with the original `quoteRequestId`. Unknown properties are ignored. At most 32 KB.")
            .Accepts<QuoteRequestBody>("application/json", "application/x-www-form-urlencoded")
            .Produces<QuoteRequestAccepted>(StatusCodes.Status202Accepted)
            .Produces(StatusCodes.Status303SeeOther)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetQuoteRequest")
            .WithSummary("The processing status of a quote request of your site (X-Api-Key): received, processing or done. No lead, no decision.")
            .Produces<QuoteRequestStatusView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    internal static async Task<IResult> SubmitAsync(HttpContext http, SiteDirectory sites, QuoteRequestRecorder recorder,
        TimeProvider time, IOptions<IntakeOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LoggerName);
        var request = http.Request;
        var isForm = SiteDirectory.IsFormPost(request);
        var reply = new Reply(isForm && !WantsProblemJson(request));
        var key = request.Headers[SiteDirectory.ApiKeyHeader].ToString();
        var origin = SiteDirectory.OriginOf(request);
        var self = SiteDirectory.SelfOrigin(request);

        var (site, refused) = WhoIsPosting(sites, reply, logger, key, isForm, origin, self);
        if (refused is not null) return refused;

        // What: a JSON or form body, at most MaxBodyBytes, with an optional idempotency key.
        var idempotencyKey = request.Headers[IdempotencyKeyHeader].ToString();
        if (EnvelopeProblem(request, reply, logger, site, isForm, idempotencyKey) is { } badEnvelope) return badEnvelope;
        var maxBytes = options.Value.MaxBodyBytes;
        var bytes = await ReadBoundedAsync(request, maxBytes, cancellationToken);
        if (bytes is null)
            return Rejected(logger, reply.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"A quote request is at most {maxBytes / 1024} KB."), "too_large", site);

        var (body, readErrors, formValues) = isForm ? await ReadFormAsync(bytes) : ReadJson(bytes);
        if (isForm && key.Length == 0 && origin == self && formValues.TryGetValue("siteId", out var named) && sites.FindById(named.ToString()) is { } hosted)
            site = hosted;
        if (site is null)
            return Rejected(logger, reply.Problem(StatusCodes.Status403Forbidden, "Origin not allowed", "Pages at this origin may not post quote forms."), "origin_not_allowed", null);

        var receivedAt = time.UtcNow();
        var (normalised, errors) = Validated(http, body, readErrors, receivedAt);
        if (normalised is null || errors.Count > 0)
        {
            logger.LogInformation("Quote request for site {SiteId} rejected: {FieldCount} invalid fields {Fields}", site.Id, errors.Count, errors.Keys);
            return reply.Invalid(errors, site, http, formValues);
        }

        // Only now, with every check passed, does the request spend its site's budget (refused junk never does).
        if (http.RequestServices.GetRequiredService<SiteBudget>().TrySpend(site.Id) is { } retryAfter)
            return IntakeHttp.SiteBudgetSpent(http, retryAfter);

        var spamReason = SpamReasonOf(normalised, receivedAt, options.Value.MinFillTime);
        RecordOutcome outcome;
        try
        {
            outcome = await recorder.RecordAsync(new Submission(normalised, site, idempotencyKey.Length > 0 ? idempotencyKey : null, spamReason, receivedAt), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Quote request for site {SiteId} could not be stored", site.Id);
            http.Response.Headers.RetryAfter = "5";
            return reply.Problem(StatusCodes.Status503ServiceUnavailable, "The request could not be stored", "Nothing was kept. Please try again in a few seconds.");
        }

        return Answer(http, reply, logger, site, normalised, spamReason, outcome, isForm);
    }

    /// <summary>Who: the site of the key, or, for a browser's plain form post, the site of the page's origin (null
    /// for intake's own hosted pages until the form names its site); or the answer that refuses the post.</summary>
    private static (Site? Site, IResult? Refused) WhoIsPosting(SiteDirectory sites, Reply reply, ILogger logger, string key, bool isForm, string? origin, string self)
    {
        if (key.Length > 0)
        {
            var site = sites.FindByKey(key);
            if (site is null) return (null, Rejected(logger, reply.Unauthorized("The API key is not known."), "unknown_key", null));
            if (origin is not null && !sites.Allows(site, origin, self))
                return (null, Rejected(logger, reply.Problem(StatusCodes.Status403Forbidden, "Origin not allowed", "Pages at this origin may not post this site's forms."), "origin_not_allowed", site));
            return (site, null);
        }

        if (isForm && origin is not null)
        {
            // Intake's own pages (the hosted forms a clinic embeds) name their site in the form: resolved once it is read.
            var site = sites.FindByOrigin(origin, self);
            if (site is null && origin != self)
                return (null, Rejected(logger, reply.Problem(StatusCodes.Status403Forbidden, "Origin not allowed", "Pages at this origin may not post quote forms."), "origin_not_allowed", null));
            return (site, null);
        }

        return (null, Rejected(logger, reply.Unauthorized($"Send the site's API key in the {SiteDirectory.ApiKeyHeader} header."), "missing_key", null));
    }

    /// <summary>The content type and the idempotency key, checked before the body is read.</summary>
    private static IResult? EnvelopeProblem(HttpRequest request, Reply reply, ILogger logger, Site? site, bool isForm, string idempotencyKey)
    {
        if (!isForm && !IsJson(request.ContentType))
            return Rejected(logger, reply.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Send application/json, or application/x-www-form-urlencoded from an HTML form."), "unsupported_content_type", site);
        if (idempotencyKey.Length > IdempotencyKeyMax || idempotencyKey.Any(c => c is < '!' or > '~'))
            return Rejected(logger, reply.Invalid(new() { [IdempotencyKeyHeader] = [$"At most {IdempotencyKeyMax} printable ASCII characters, without spaces."] }, null), "invalid_idempotency_key", site);
        return null;
    }

    /// <summary>The body validated and normalised, with the errors of reading it merged into the validator's, per field.</summary>
    private static (NormalizedQuoteRequest? Request, Dictionary<string, string[]> Errors) Validated(HttpContext http, QuoteRequestBody? body,
        Dictionary<string, string[]> readErrors, DateTimeOffset receivedAt)
    {
        if (body is null) return (null, readErrors);
        var (normalised, errors) = QuoteRequestValidator.Validate(body, receivedAt, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        foreach (var (field, messages) in readErrors) errors[field] = errors.TryGetValue(field, out var more) ? [.. messages, .. more] : messages;
        return (normalised, errors);
    }

    /// <summary>What was recorded, logged in the lead's and conversation's scope, and the answer: 202 with the request's
    /// address (or, for a form, the thank-you page), the original for a resubmission or replay, 422 for a reused key.</summary>
    private static IResult Answer(HttpContext http, Reply reply, ILogger logger, Site site, NormalizedQuoteRequest normalised, string? spamReason, RecordOutcome outcome, bool isForm)
    {
        var document = outcome.Document;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["LeadId"] = document.LeadId,
            ["QuoteRequestId"] = document.Id,
            ["ConversationId"] = document.Id,
            ["SiteId"] = site.Id,
        });
        switch (outcome.Result)
        {
            case RecordResult.Stored when spamReason is not null:
                logger.LogWarning("Quote request {QuoteRequestId} from site {SiteId}, form {FormId}, marked as spam ({SpamReason}): stored, not published",
                    document.Id, site.Id, normalised.Source.FormId, spamReason);
                break;
            case RecordResult.Stored:
                logger.LogInformation("Quote request {QuoteRequestId} stored for lead {LeadId} from site {SiteId}, form {FormId}",
                    document.Id, document.LeadId, site.Id, normalised.Source.FormId);
                break;
            case RecordResult.Resubmission:
                logger.LogInformation("Quote request from site {SiteId} repeats {QuoteRequestId} within the dedupe window: answered with the original, not stored",
                    site.Id, document.Id);
                break;
            case RecordResult.IdempotentReplay:
                logger.LogInformation("Idempotency key replayed for {QuoteRequestId} from site {SiteId}: answered with the original", document.Id, site.Id);
                http.Response.Headers[IdempotentReplayedHeader] = "true";
                break;
            case RecordResult.IdempotencyKeyReused:
                logger.LogWarning("Idempotency key of {QuoteRequestId} reused by site {SiteId} with another body: refused", document.Id, site.Id);
                return reply.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                    $"This {IdempotencyKeyHeader} was used for a different request. Use a new key for a new request.");
        }

        return isForm
            ? FormPages.SeeOther(FormPages.ThankYouUrl(site, document.Id, normalised.Person.Language, normalised.Person.PreferredChannel))
            : TypedResults.Accepted($"/api/v1/quote-requests/{document.Id}", new QuoteRequestAccepted(document.Id));
    }

    internal static async Task<Results<Ok<QuoteRequestStatusView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, SiteDirectory sites,
        IQuoteRequestStore store, CancellationToken cancellationToken)
    {
        var site = sites.FindByKey(http.Request.Headers[SiteDirectory.ApiKeyHeader].ToString());
        if (site is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key missing or unknown",
                detail: $"Send the site's API key in the {SiteDirectory.ApiKeyHeader} header.");
        var document = await store.GetAsync(id, cancellationToken);
        // Another site's request does not exist for this key: not even its existence is told.
        if (document is null || document.SiteId != site.Id)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such quote request");
        return TypedResults.Ok(new QuoteRequestStatusView(document.Id, ProcessingStatus.Of(document), document.ReceivedAt, document.UpdatedAt));
    }

    /// <summary>A filled honeypot, or a form sent sooner after it was rendered than a person can fill it in.</summary>
    internal static string? SpamReasonOf(NormalizedQuoteRequest request, DateTimeOffset receivedAt, TimeSpan minFillTime)
    {
        if (request.HoneypotFilled) return "honeypot";
        // A render time in the future is a client clock running ahead, not evidence of a machine.
        if (request.FormRenderedAt is { } rendered && receivedAt - rendered >= TimeSpan.Zero && receivedAt - rendered < minFillTime) return "too_fast";
        return null;
    }

    private static IResult Rejected(ILogger logger, IResult result, string reason, Site? site)
    {
        logger.LogInformation("Quote request refused ({Reason}) for site {SiteId}", reason, site?.Id ?? "(unknown)");
        return result;
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static readonly Dictionary<string, StringValues> NoForm = new(StringComparer.Ordinal);

    private static (QuoteRequestBody? Body, Dictionary<string, string[]> Errors, IReadOnlyDictionary<string, StringValues> Form) ReadJson(byte[] bytes)
    {
        try
        {
            var body = JsonSerializer.Deserialize<QuoteRequestBody>(bytes, BodyJson);
            return body is null ? (null, new() { ["body"] = ["A JSON object is required."] }, NoForm) : (body, [], NoForm);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            return (null, new() { [field] = [field == "body" ? "The body is not valid JSON." : "Has the wrong type or is not valid JSON."] }, NoForm);
        }
    }

    private static async Task<(QuoteRequestBody? Body, Dictionary<string, string[]> Errors, IReadOnlyDictionary<string, StringValues> Form)> ReadFormAsync(byte[] bytes)
    {
        try
        {
            using var reader = new FormReader(new MemoryStream(bytes)) { ValueCountLimit = 256, KeyLengthLimit = 200, ValueLengthLimit = bytes.Length + 1 };
            var form = await reader.ReadFormAsync();
            var (body, errors) = QuoteRequestForm.Bind(form);
            return (body, errors, form);
        }
        catch (InvalidDataException)
        {
            return (null, new() { ["body"] = ["The form has too many or too long fields."] }, NoForm);
        }
    }

    /// <summary>$.consent.email.granted → consent.email.granted; $.treatmentsTried[2] → treatmentsTried.</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.TrimStart('$', '.');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? field[..bracket] : bracket == 0 ? "body" : field;
    }

    /// <summary>
    /// A form post from a script that asks for JSON (<c>Accept: application/problem+json</c> or <c>application/json</c>, and
    /// not <c>text/html</c>) gets its refusals as ProblemDetails; a browser gets a page. Successes are 303 either way.
    /// </summary>
    private static bool WantsProblemJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Failures in the client's language: ProblemDetails for JSON clients, a page in words (or a redirect) for a browser's form post.</summary>
    private sealed class Reply(bool isForm)
    {
        public IResult Problem(int status, string title, string detail) =>
            isForm ? FormPages.Error(status, title, detail) : TypedResults.Problem(statusCode: status, title: title, detail: detail);

        public IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "API key missing or unknown", detail);

        /// <summary>
        /// Field errors: ProblemDetails for JSON; for a browser's form post, the site's error page when it has one, else
        /// the form again (400) with what was typed and a plain-word error beside each field.
        /// </summary>
        public IResult Invalid(Dictionary<string, string[]> errors, Site? site, HttpContext? http = null, IReadOnlyDictionary<string, StringValues>? form = null)
        {
            if (!isForm) return TypedResults.ValidationProblem(errors, title: "The quote request has invalid fields.");
            if (site?.ErrorUrl is { } errorUrl) return FormPages.SeeOther(FormPages.ErrorUrl(errorUrl, errors.Keys));
            if (site is null || http is null)
                return FormPages.Error(StatusCodes.Status400BadRequest, "Please check the form", "The form could not be read. Please go back and send it again.");
            return ExampleFormEndpoints.Invalid(http.Request, http.RequestServices.GetRequiredService<TimeProvider>(), site, errors, form ?? NoForm);
        }
    }
}
