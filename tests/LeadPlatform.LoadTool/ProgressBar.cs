using System.Diagnostics;
using System.Globalization;

namespace LeadPlatform.LoadTool;

/// <summary>
/// One line redrawn four times a second on a terminal (a line every five seconds when the output is redirected):
/// the phase, a bar, and whatever the phase reports.
/// </summary>
internal sealed class ProgressBar : IAsyncDisposable
{
    private const int Width = 30;
    private readonly TextWriter _output;
    private readonly string _phase;
    private readonly Func<(double Fraction, string Text)> _state;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _terminal;

    public ProgressBar(TextWriter output, string phase, Func<(double Fraction, string Text)> state, bool quiet)
    {
        (_output, _phase, _state) = (output, phase, state);
        _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        _loop = quiet ? Task.CompletedTask : Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        var interval = TimeSpan.FromMilliseconds(_terminal ? 250 : 5000);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Draw(final: false);
        }
    }

    private void Draw(bool final)
    {
        var (fraction, text) = _state();
        fraction = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{_phase,-22} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {_clock.Elapsed.TotalSeconds,6:0.0}s  {text}");
        if (_terminal) _output.Write("\r" + line.PadRight(Math.Max(line.Length, Console.WindowWidth > 0 ? Console.WindowWidth - 1 : 0)) + (final ? Environment.NewLine : string.Empty));
        else _output.WriteLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        var drawn = !_loop.IsCompleted || _terminal;
        await _stop.CancelAsync();
        await _loop;
        if (drawn) Draw(final: true);
        _stop.Dispose();
    }
}
