using System.Globalization;
using System.Text;
using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Reports;
using ProducerConsumer.Cli.Settings;
using ProducerConsumer.Engines;
using Spectre.Console;

namespace ProducerConsumer.Cli.Running;

/// <summary>
/// Runs the engines of one set of settings one after the other, each with a metrics collector of its own and a
/// progress display, and turns each outcome into an <see cref="EngineReport"/>.
/// </summary>
internal static class EngineRunner
{
    /// <summary>Runs every engine of <paramref name="settings"/> over a fresh copy of the workload.</summary>
    /// <param name="settings">The engines and the pipeline's shape.</param>
    /// <param name="workload">The items.</param>
    /// <param name="output">Receives the consumed items, or <c>null</c>.</param>
    /// <param name="environment">Standard streams, engines and the progress terminal.</param>
    /// <param name="cancellationToken">Cancels the run, as Ctrl+C does.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<IReadOnlyList<EngineReport>> RunAsync(
        RunSettings settings, IWorkload workload, PendingFile? output, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var reports = new List<EngineReport>(settings.Engines.Count);
        foreach (var engine in settings.Engines)
        {
            cancellationToken.ThrowIfCancellationRequested();

            var (run, metrics, pipeline) = await RunEngineAsync(engine, settings, workload, output, environment, cancellationToken);

            // An engine may return after cancellation with part of the items, which is no result to report.
            cancellationToken.ThrowIfCancellationRequested();

            await ReportProblemsAsync(run, settings, environment.Error);
            reports.Add(EngineReport.From(run, pipeline, metrics, settings.Scenario));
        }

        return reports;
    }

    private static async Task<(WorkloadRun Run, RunMetrics Metrics, PipelineSettings Pipeline)> RunEngineAsync(
        string name, RunSettings settings, IWorkload workload, PendingFile? output, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var engine = environment.CreateEngine(name, settings.Config);
        await environment.WarmUp.WarmUpAsync(engine, settings.Pipeline, workload.Items, cancellationToken);

        // The run's own identifier keeps the collector to this run, even if another one overlaps it in the process.
        var pipeline = settings.Pipeline with
        {
            RunId = PipelineCounters.NewRunId(),
            LatencySampleEvery = LatencySampling.EveryFor(workload.Items),
        };
        using var collector = new RunMetricsCollector(engine.Name, pipeline.Producers, pipeline.Consumers, runId: pipeline.RunId);
        var progressConsole = ProgressConsoleFor(settings, environment);
        var label = settings.Scenario is null ? engine.Name : $"{settings.Scenario}: {engine.Name}";

        collector.Start();
        WorkloadRun run;
        if (output is null)
        {
            var running = workload.RunAsync(engine, pipeline, null, cancellationToken);
            run = await RunProgress.TrackAsync(progressConsole, environment.ProgressDelay, label, workload.Items, collector, running);
        }
        else
        {
            await using var writer = new StreamWriter(output.OpenWrite(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
            var running = workload.RunAsync(engine, pipeline, writer, cancellationToken);
            run = await RunProgress.TrackAsync(progressConsole, environment.ProgressDelay, label, workload.Items, collector, running);
        }

        return (run, collector.Stop(), pipeline);
    }

    /// <summary>Returns the terminal that shows progress, or <c>null</c> with <c>--quiet</c> or without a terminal.</summary>
    internal static IAnsiConsole? ProgressConsoleFor(RunSettings settings, CliEnvironment environment) =>
        settings.Quiet ? null : environment.ProgressConsole;

    /// <summary>Writes a line for a failed engine, and a warning when the engine's own counts disagree with the workload's.</summary>
    private static async Task ReportProblemsAsync(WorkloadRun run, RunSettings settings, TextWriter error)
    {
        if (run.Failure is not null)
        {
            (string Option, string? Path)[] requested =
                [("--output", settings.Output), ("--json", settings.Json), ("--report", settings.Report), ("--chart", settings.Chart)];
            var options = requested.Where(file => file.Path is not null).Select(file => file.Option).ToArray();
            var files = options.Length == 0 ? "" : $" No {JoinWithOr(options)} file was written.";
            await error.WriteLineAsync($"error: the {run.Engine} engine failed: {run.Failure}.{files}");
            return;
        }

        if (run.Run is { } measured && (measured.Produced != run.Produced || measured.Consumed != run.Delivery.Consumed))
        {
            await error.WriteLineAsync(
                $"warning: the {run.Engine} engine counted {Count(measured.Produced)} items produced and {Count(measured.Consumed)} consumed, "
                + $"but the source handed out {Count(run.Produced)} and the sink received {Count(run.Delivery.Consumed)}.");
        }
    }

    /// <summary>Joins names as a list in prose: <c>a</c>, <c>a or b</c>, <c>a, b or c</c>.</summary>
    private static string JoinWithOr(string[] names) =>
        names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
