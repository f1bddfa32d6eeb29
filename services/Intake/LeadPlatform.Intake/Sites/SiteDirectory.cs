using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake.Sites;

/// <summary>
/// The configured sites. A key is found by comparing SHA-256 digests in constant time against every site (no early
/// exit, equal lengths), so neither the time taken nor the length of a guess tells anything about a real key.
/// </summary>
public sealed class SiteDirectory
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Self = "self";
    public const string DefaultThankYouPath = "/forms/thank-you";

    private readonly Entry[] _entries;
    private readonly Dictionary<string, Entry> _byOrigin = new(StringComparer.Ordinal);
    private readonly Entry? _self;

    public SiteDirectory(IOptions<IntakeOptions> options)
    {
        var errors = Validate(options.Value);
        if (errors.Count > 0) throw new OptionsValidationException("Intake", typeof(IntakeOptions), errors);
        _entries = options.Value.Sites.Select(s => new Entry(
            new Site(s.Key, s.Value.ThankYouUrl ?? DefaultThankYouPath, s.Value.ErrorUrl) { PrivacyNoticeUrl = s.Value.PrivacyNoticeUrl ?? options.Value.PrivacyNoticeUrl },
            SHA256.HashData(Encoding.UTF8.GetBytes(s.Value.ApiKey)),
            s.Value.AllowedOrigins.Where(o => o != Self).Select(o => NormaliseOrigin(o)!).ToHashSet(StringComparer.Ordinal),
            s.Value.AllowedOrigins.Contains(Self))).ToArray();
        foreach (var entry in _entries)
        {
            foreach (var origin in entry.Origins) _byOrigin[origin] = entry;
            if (entry.AllowsSelf) _self = entry;
        }
    }

    public IReadOnlyList<Site> Sites => _entries.Select(e => e.Site).ToList();

    /// <summary>The site with this id, or null (its hosted form: <c>/forms/{siteId}</c>).</summary>
    public Site? FindById(string? id) => Array.Find(_entries, e => string.Equals(e.Site.Id, id, StringComparison.Ordinal))?.Site;

    /// <summary>The site whose key this is, or null.</summary>
    public Site? FindByKey(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 512) return null;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(apiKey), digest);
        Entry? found = null;
        foreach (var entry in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, entry.KeyDigest)) found = entry;
        }
        return found?.Site;
    }

    /// <summary>The one site whose pages at this origin may post forms (origins belong to one site each), or null.</summary>
    public Site? FindByOrigin(string origin, string selfOrigin)
    {
        if (_byOrigin.TryGetValue(origin, out var entry)) return entry.Site;
        return origin == selfOrigin ? _self?.Site : null;
    }

    public bool Allows(Site site, string origin, string selfOrigin)
    {
        var entry = Array.Find(_entries, e => e.Site == site);
        return entry is not null && (entry.Origins.Contains(origin) || (entry.AllowsSelf && origin == selfOrigin));
    }

    /// <summary>The site whose forms this host's own pages are (AllowedOrigins "self"), or null.</summary>
    public Site? SelfSite => _self?.Site;

    /// <summary>The origins whose pages may embed a form page of this site (all sites' when null): its allowed origins.</summary>
    public IReadOnlyList<string> OriginsOf(Site? site) =>
        (site is null ? _entries.SelectMany(e => e.Origins) : Array.Find(_entries, e => e.Site == site)?.Origins ?? [])
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>For CORS preflights, which carry no key: does any site allow this origin?</summary>
    public bool AnyAllows(string origin) => NormaliseOrigin(origin) is { } normalised && _byOrigin.ContainsKey(normalised);

    /// <summary>
    /// The site of a request: by its <c>X-Api-Key</c>, or, for a browser's plain form post without one, by the origin of
    /// the page that posted it. Null when neither identifies a site. Cheap: the rate limiter partitions by it.
    /// </summary>
    public Site? Resolve(HttpRequest request)
    {
        var key = request.Headers[ApiKeyHeader].ToString();
        if (key.Length > 0) return FindByKey(key);
        return IsFormPost(request) && OriginOf(request) is { } origin ? FindByOrigin(origin, SelfOrigin(request)) : null;
    }

    public static bool IsFormPost(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The origin of the page that sent the request: its Origin header, else the origin of its Referer; "null" stays "null".</summary>
    public static string? OriginOf(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return origin == "null" ? "null" : NormaliseOrigin(origin) ?? "null";
        var referer = request.Headers.Referer.ToString();
        return referer.Length > 0 ? NormaliseOrigin(referer) ?? "null" : null;
    }

    public static string SelfOrigin(HttpRequest request) => NormaliseOrigin($"{request.Scheme}://{request.Host}") ?? string.Empty;

    /// <summary>https://Clinic.Example:443/page → https://clinic.example; anything but an absolute http(s) URL → null.</summary>
    public static string? NormaliseOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"{uri.Scheme}://{uri.Authority}".ToLowerInvariant()
            : null;

    public static List<string> Validate(IntakeOptions options)
    {
        var errors = new List<string>();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        string? selfSite = null;
        foreach (var (id, site) in options.Sites)
        {
            var at = $"Intake:Sites:{id}";
            if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                errors.Add($"{at}: a site id is 1 to 64 letters, digits, '-' or '_'.");
            if (id is "thank-you" or "privacy")
                errors.Add($"{at}: '{id}' is the name of a form page (/forms/{id}); a site's hosted form is /forms/<siteId>, so choose another id.");
            if (string.IsNullOrEmpty(site.ApiKey) || site.ApiKey.Length < 16 || site.ApiKey.Length > 512)
                errors.Add($"{at}:ApiKey must be 16 to 512 characters.");
            foreach (var origin in site.AllowedOrigins)
            {
                if (origin == Self)
                {
                    if (selfSite is not null && selfSite != id) errors.Add($"{at}:AllowedOrigins: '{Self}' already belongs to site {selfSite}.");
                    selfSite = id;
                    continue;
                }
                var normalised = NormaliseOrigin(origin);
                if (normalised is null || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0)
                    errors.Add($"{at}:AllowedOrigins: '{origin}' is not an origin such as https://clinic.example (or '{Self}').");
                else if (origins.TryGetValue(normalised, out var other) && other != id)
                    errors.Add($"{at}:AllowedOrigins: {normalised} already belongs to site {other}; an origin belongs to one site.");
                else origins[normalised] = id;
            }
            if (site.ThankYouUrl is not null && !IsRedirectTarget(site.ThankYouUrl)) errors.Add($"{at}:ThankYouUrl must be an absolute http(s) URL or a path such as /thanks.");
            if (site.ErrorUrl is not null && !IsRedirectTarget(site.ErrorUrl)) errors.Add($"{at}:ErrorUrl must be an absolute http(s) URL or a path such as /form-error.");
            if (site.PrivacyNoticeUrl is not null && NormaliseOrigin(site.PrivacyNoticeUrl) is null) errors.Add($"{at}:PrivacyNoticeUrl must be an absolute http(s) URL.");
        }
        if (options.PrivacyNoticeUrl is not null && NormaliseOrigin(options.PrivacyNoticeUrl) is null) errors.Add("Intake:PrivacyNoticeUrl must be an absolute http(s) URL.");
        if (options.MaxBodyBytes is < 1024 or > 1024 * 1024) errors.Add("Intake:MaxBodyBytes must be between 1 KB and 1 MB.");
        if (options.DedupeWindow < TimeSpan.Zero) errors.Add("Intake:DedupeWindow must not be negative.");
        if (options.MinFillTime < TimeSpan.Zero) errors.Add("Intake:MinFillTime must not be negative.");
        foreach (var (name, rule) in new[] { ("PerClientIp", options.RateLimits.PerClientIp), ("PerSite", options.RateLimits.PerSite) })
        {
            if (rule.PermitLimit < 1 || rule.Window <= TimeSpan.Zero)
                errors.Add($"Intake:RateLimits:{name} needs a PermitLimit of at least 1 and a positive Window.");
        }
        return errors;
    }

    private static bool IsRedirectTarget(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal))
        || NormaliseOrigin(url) is not null;

    private sealed record Entry(Site Site, byte[] KeyDigest, HashSet<string> Origins, bool AllowsSelf);
}
