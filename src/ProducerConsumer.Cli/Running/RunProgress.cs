using System.Diagnostics;
using System.Globalization;
using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Reports;
using Spectre.Console;

namespace ProducerConsumer.Cli.Running;

/// <summary>
/// Shows a running engine's progress on a terminal: items consumed of the total, the rate so far, and the buffer
/// depth at the last reading. The display appears only once the run has lasted the given delay, and it clears
/// itself when the run ends, so the results that follow stand alone.
/// </summary>
internal static class RunProgress
{
    /// <summary>How often the display is redrawn.</summary>
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Returns the run's result, showing progress on <paramref name="console"/> while it goes on.</summary>
    /// <param name="console">The terminal, or <c>null</c> to show nothing.</param>
    /// <param name="delay">How long the run goes on before the display appears.</param>
    /// <param name="label">What runs, such as <c>actor</c> or <c>slow-consumer: actor</c>.</param>
    /// <param name="totalItems">The items the run moves.</param>
    /// <param name="collector">The run's metrics, read for the consumed count and the depth.</param>
    /// <param name="run">The running engine.</param>
    public static async Task<T> TrackAsync<T>(
        IAnsiConsole? console, TimeSpan delay, string label, long totalItems, RunMetricsCollector collector, Task<T> run)
    {
        var stopwatch = Stopwatch.StartNew();
        if (console is null || await Task.WhenAny(run, Task.Delay(delay)) == run)
        {
            return await run;
        }

        var progress = console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

        await progress.StartAsync(async context =>
        {
            // A run of zero items still gets a bar; its maximum must be above zero.
            var task = context.AddTask(Describe(label, 0, totalItems, stopwatch.Elapsed, null), maxValue: Math.Max(1, totalItems));
            while (!run.IsCompleted)
            {
                var consumed = collector.ConsumedSoFar;
                task.Value = Math.Min(consumed, task.MaxValue);
                task.Description = Describe(label, consumed, totalItems, stopwatch.Elapsed, collector.LatestDepth);
                context.Refresh();

                await Task.WhenAny(run, Task.Delay(RefreshInterval));
            }
        });

        return await run;
    }

    /// <summary>Describes the progress in one line, such as <c>actor: 1,200,000 of 5,000,000 items, 2.4 M items/s, depth 64</c>.</summary>
    public static string Describe(string label, long consumed, long totalItems, TimeSpan elapsed, int? depth)
    {
        var rate = elapsed > TimeSpan.Zero ? consumed / elapsed.TotalSeconds : 0;
        var depthText = depth is { } value ? value.ToString("N0", Invariant) : "n/a";
        return Markup.Escape(
            $"{label}: {consumed.ToString("N0", Invariant)} of {totalItems.ToString("N0", Invariant)} items, {Units.Rate(rate)}, depth {depthText}");
    }
}
