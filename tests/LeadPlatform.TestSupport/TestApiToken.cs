namespace LeadPlatform.TestSupport;

/// <summary>
/// The API token every host started by the tests accepts (<c>Auth:ApiTokens:tests</c>): follow-up's APIs need a session
/// or a token, and tests call them as an integration would. Hosts that have no such APIs ignore the setting.
/// </summary>
public static class TestApiToken
{
    public const string Value = "test-only-api-token-0123456789abcdef";
    public const string Argument = $"--Auth:ApiTokens:tests={Value}";

    public static HttpClient Authorize(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Value);
        return http;
    }
}
