using System.Globalization;

namespace LeadPlatform.LoadTool;

/// <summary>What to run, parsed from the command line (<c>--name value</c> or <c>--name=value</c>).</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        LeadPlatform load tool: quote requests into intake, each timed until its follow-up task exists.

          --target standalone|standalone-inproc|distributed|urls   (default distributed)
          --requests N          how many (default 1000), or
          --duration 120s       for how long (s, m suffix), at
          --rate R              requests per second (0 = as fast as possible, the default)
          --concurrency C       requests in flight when as fast as possible (default 16)
          --warmup N            requests before measuring (default 50)
          --baselines LIST      broker,http (default both; 'none' to skip); run before and after the pipeline
          --json FILE           write the results as JSON
          --drain-timeout 120s  how long to wait for the last tasks after the last submit
          --completion poll|events  how a task is found: polling GET /api/v1/leads/{id}, or the events on the broker
                                (default: events when a broker is known, else poll)
          --log-level L         the services' Serilog minimum level (default Warning; Information = production)
          --service-arg ARG     extra argument for every service the tool starts (repeatable)
          --keep-data           keep the services' LiteDB folders (printed)
        urls target:
          --intake-url U --followup-url U --api-key K --rabbitmq-uri amqp://... (for events, queues and the broker baseline)
        all targets:
          --api-key K           intake's X-Api-Key (default example-development-key; a generated one for --target distributed)
          --followup-token T    bearer token for the follow-up API (also configured as Auth:ApiTokens:0 on started services)
        """;

    public string Target { get; init; } = "distributed";
    public int? Requests { get; init; }
    public TimeSpan? Duration { get; init; }
    public double Rate { get; init; }
    public int Concurrency { get; init; } = 16;
    public int Warmup { get; init; } = 50;
    public bool BrokerBaseline { get; init; } = true;
    public bool HttpBaseline { get; init; } = true;
    public string? JsonPath { get; init; }
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public string? Completion { get; init; }
    public string LogLevel { get; init; } = "Warning";
    public IReadOnlyList<string> ServiceArgs { get; init; } = [];
    public bool KeepData { get; init; }
    public Uri? IntakeUrl { get; init; }
    public Uri? FollowUpUrl { get; init; }
    public const string DefaultApiKey = "example-development-key";

    public string ApiKey { get; init; } = DefaultApiKey;
    public string? FollowUpToken { get; init; }
    public string? RabbitMqUri { get; init; }
    public bool Quiet { get; init; }

    public int RequestCount => Requests ?? (Duration is null ? 1000 : 0);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: {(Duration is { } d ? $"{d.TotalSeconds:0} s" : $"{RequestCount:N0} requests")} " +
        $"{(Rate > 0 ? $"at {Rate:0.#} req/s" : $"as fast as possible ({Concurrency} in flight)")}");

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        var serviceArgs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help") throw new UsageException(null);
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"Unexpected argument '{arg}'.");
            string name, value;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) (name, value) = (arg[2..eq], arg[(eq + 1)..]);
            else if (arg is "--keep-data" or "--quiet") (name, value) = (arg[2..], "true");
            else if (i + 1 < args.Count) (name, value) = (arg[2..], args[++i]);
            else throw new UsageException($"{arg} needs a value.");
            options = name switch
            {
                "target" => options with { Target = value is "standalone" or "standalone-inproc" or "distributed" or "urls" ? value : throw new UsageException($"Unknown target '{value}'.") },
                "requests" => options with { Requests = PositiveInt(name, value) },
                "duration" => options with { Duration = Time(name, value) },
                "rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "concurrency" => options with { Concurrency = PositiveInt(name, value) },
                "warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "baselines" => options with
                {
                    BrokerBaseline = value.Split(',').Contains("broker"),
                    HttpBaseline = value.Split(',').Contains("http"),
                },
                "json" => options with { JsonPath = value },
                "drain-timeout" => options with { DrainTimeout = Time(name, value) },
                "completion" => options with { Completion = value is "poll" or "events" ? value : throw new UsageException("--completion is poll or events.") },
                "log-level" => options with { LogLevel = value },
                "service-arg" => options with { ServiceArgs = [.. options.ServiceArgs, value] },
                "keep-data" => options with { KeepData = bool.Parse(value) },
                "quiet" => options with { Quiet = bool.Parse(value) },
                "intake-url" => options with { IntakeUrl = new Uri(value) },
                "followup-url" => options with { FollowUpUrl = new Uri(value) },
                "api-key" => options with { ApiKey = value },
                "followup-token" => options with { FollowUpToken = value },
                "rabbitmq-uri" => options with { RabbitMqUri = value },
                _ => throw new UsageException($"Unknown option --{name}."),
            };
        }
        if (options.Requests is not null && options.Duration is not null) throw new UsageException("Give --requests or --duration, not both.");
        if (options.Duration is not null && options.Rate <= 0) throw new UsageException("--duration needs a --rate.");
        if (options.Target == "urls" && options.IntakeUrl is null) throw new UsageException("--target urls needs --intake-url.");
        if (options.Completion == "events" && options.Target is "standalone" or "standalone-inproc")
            throw new UsageException("The standalone host has no broker: --completion poll.");
        // The distributed hosts run in Production and refuse the published example key: the tool makes the site's key.
        if (options.Target == "distributed" && options.ApiKey == DefaultApiKey)
            options = options with { ApiKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)) };
        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"--{name} is a positive integer.");

    private static TimeSpan Time(string name, string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : (value, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? TimeSpan.FromSeconds(n * unit)
            : throw new UsageException($"--{name} is a time such as 120s or 2m.");
    }
}
