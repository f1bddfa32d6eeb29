using System.Text.Json;
using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using LeadPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake.Api;

public static class QuoteRequestEndpoints
{
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static IEndpointRouteBuilder MapQuoteRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quote-requests").WithTags("Quote requests");
        group.MapPost("/", SubmitAsync)
            .WithName("SubmitQuoteRequest")
            .WithSummary("Submit a quote request (JSON).")
            .Accepts<QuoteRequestBody>("application/json")
            .Produces<QuoteRequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetQuoteRequest")
            .WithSummary("The status of a quote request as far as intake knows it.");
        return app;
    }

    internal static async Task<IResult> SubmitAsync(HttpContext http, IQuoteRequestStore store, PersonKeys keys,
        TimeProvider time, IOptions<IntakeOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("LeadPlatform.Intake.QuoteRequests");
        if (!IsJson(http.Request.ContentType))
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send application/json.");

        var (body, problem) = await ReadBodyAsync(http.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (problem is not null) return problem;

        var receivedAt = time.UtcNow();
        var (request, errors) = QuoteRequestValidator.Validate(body!, receivedAt,
            http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        if (request is null)
        {
            logger.LogInformation("Quote request rejected: invalid {FieldCount} fields {Fields}", errors.Count, errors.Keys);
            return TypedResults.ValidationProblem(errors, title: "The quote request has invalid fields.");
        }

        try
        {
            var emailKey = keys.Of(request.Person.Email);
            var phoneKey = keys.Of(request.Person.Phone);
            var knownLead = await store.FindLeadIdAsync(emailKey, phoneKey, cancellationToken);
            var document = NewDocument(request, knownLead ?? Ids.New(), emailKey, phoneKey, receivedAt);
            using var scope = logger.BeginScope(new Dictionary<string, object>
            {
                ["LeadId"] = document.LeadId,
                ["QuoteRequestId"] = document.Id,
                ["ConversationId"] = document.Id,
            });
            if (!await store.TryInsertAsync(document, cancellationToken))
                throw new InvalidOperationException($"Quote request id {document.Id} collided.");
            logger.LogInformation("Quote request {QuoteRequestId} stored for lead {LeadId} ({LeadKind}) from form {FormId}, condition {Condition}",
                document.Id, document.LeadId, knownLead is null ? "new" : "known", request.Source.FormId, request.Inquiry.Condition);
            return TypedResults.Accepted($"/api/v1/quote-requests/{document.Id}", new QuoteRequestAccepted(document.Id, document.LeadId));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Quote request could not be stored");
            http.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, "The request could not be stored",
                "Nothing was kept. Please try again in a few seconds.");
        }
    }

    internal static async Task<Results<Ok<QuoteRequestStatusView>, ProblemHttpResult>> GetAsync(Guid id, IQuoteRequestStore store, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(id, cancellationToken);
        if (document is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such quote request");
        return TypedResults.Ok(new QuoteRequestStatusView(document.Id, document.LeadId, document.Status, document.ReceivedAt, document.UpdatedAt, document.Tier));
    }

    private static QuoteRequestDocument NewDocument(NormalizedQuoteRequest request, Guid leadId, string? emailKey, string? phoneKey, DateTimeOffset now)
    {
        var id = Ids.New();
        var submitted = new QuoteRequestSubmitted
        {
            LeadId = leadId,
            QuoteRequestId = id,
            OccurredAt = now,
            SiteId = "default",
            Person = request.Person,
            Inquiry = request.Inquiry,
            Consent = request.Consent,
            Source = request.Source,
        };
        var document = new QuoteRequestDocument
        {
            Id = id,
            LeadId = leadId,
            SiteId = submitted.SiteId,
            ReceivedAt = now,
            UpdatedAt = now,
            EmailKey = emailKey,
            PhoneKey = phoneKey,
            Submission = submitted,
        };
        // The event is part of the same write as the request: stored together, or not at all.
        document.Enqueue(submitted, now, conversationId: id, correlationId: leadId);
        return document;
    }

    private static async Task<(QuoteRequestBody? Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var body = JsonSerializer.Deserialize<QuoteRequestBody>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), BodyJson);
            return body is null
                ? (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] }, title: "The body is not a quote request."))
                : (body, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [field == "body" ? "The body is not valid JSON." : "Has the wrong type or is not valid JSON."] },
                title: "The body could not be read as a quote request."));
        }
    }

    /// <summary>$.consent.email.granted → consent.email.granted; $.treatmentsTried[2] → treatmentsTried.</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.TrimStart('$', '.');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? field[..bracket] : field;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static IResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"A quote request is at most {maxBytes / 1024} KB.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
