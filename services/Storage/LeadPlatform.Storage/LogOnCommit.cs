using Microsoft.Extensions.Logging;

namespace LeadPlatform.Storage;

/// <summary>
/// A logger for code that runs inside an optimistic write, which can run more than once: a concurrent change makes the
/// write (or the bus) retry it. What it logs is held until <see cref="Commit"/>, once the write has landed, so Seq shows
/// each step once (the retried attempt's, not every attempt's), and nothing for a write that never happened.
/// </summary>
public sealed class LogOnCommit(ILogger target) : ILogger
{
    private readonly List<Action<ILogger>> pending = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => target.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => target.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) pending.Add(l => l.Log(logLevel, eventId, state, exception, formatter));
    }

    /// <summary>Writes what was held, in order, to the real logger (in the caller's scopes).</summary>
    public void Commit()
    {
        foreach (var write in pending) write(target);
        pending.Clear();
    }

    /// <summary>Forgets what was held: the attempt that logged it did not land.</summary>
    public void Discard() => pending.Clear();
}
