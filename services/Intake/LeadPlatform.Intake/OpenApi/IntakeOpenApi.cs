using LeadPlatform.Intake.Api;
using LeadPlatform.Intake.Sites;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace LeadPlatform.Intake.OpenApi;

/// <summary>The API key security scheme and the Idempotency-Key header in the OpenAPI document.</summary>
internal static class IntakeOpenApi
{
    public const string SchemeName = "ApiKey";

    public static IServiceCollection AddIntakeOpenApi(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = SiteDirectory.ApiKeyHeader,
                    Description = "The site's API key (Intake:Sites:<siteId>:ApiKey). A plain HTML form post from one of the site's " +
                                  "AllowedOrigins needs none: it is authorised by the origin of the page that posted it.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/v1/quote-requests", StringComparison.Ordinal) != true) return Task.CompletedTask;
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
                if (context.Description.HttpMethod == "POST")
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = QuoteRequestEndpoints.IdempotencyKeyHeader,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Makes retries safe: the same key and body answer with the original request; the same key with another body is refused (422).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = QuoteRequestEndpoints.IdempotencyKeyMax },
                    });
                }
                return Task.CompletedTask;
            });
        });
}
