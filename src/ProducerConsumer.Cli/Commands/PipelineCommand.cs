using System.Globalization;
using System.Text;
using ProducerConsumer.Cli.Reports;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Cli.Settings;

namespace ProducerConsumer.Cli.Commands;

/// <summary>
/// The action of <c>run</c> and <c>compare</c>: checks every setting, input and output path, runs the engines one
/// after the other, then prints the table and writes the requested files.
/// </summary>
internal static class PipelineCommand
{
    /// <summary>Runs the command and returns the process exit code; see <see cref="ExitCodes"/>.</summary>
    /// <param name="arguments">The parsed command line.</param>
    /// <param name="environment">Standard streams, settings folder and engines.</param>
    /// <param name="temporaryFiles">Lists the invocation's temporary files, so that an abandoned run's files can be deleted.</param>
    /// <param name="cancellationToken">Cancels the run, as Ctrl+C does.</param>
    public static async Task<int> RunAsync(
        CommandLineArguments arguments, CliEnvironment environment, TemporaryFiles temporaryFiles, CancellationToken cancellationToken)
    {
        // System.CommandLine 2.0 registers its Ctrl+C handler only once this method has returned a task, so the work
        // starts after a yield. Without it, a Ctrl+C during the checks would end the process and leave temporary files.
        await Task.Yield();

        try
        {
            return await RunCheckedAsync(arguments, environment, temporaryFiles, cancellationToken);
        }
        catch (UsageException ex)
        {
            await environment.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InvalidUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("cancelled: the run stopped before it finished, so no output file was written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The checks turned every file problem they found into a usage error, so this one arose during the run.
            await environment.Error.WriteLineAsync($"error: failed to read the input or write the results: {ex.Message}");
            return ExitCodes.DeliveryFailed;
        }
    }

    private static async Task<int> RunCheckedAsync(
        CommandLineArguments arguments, CliEnvironment environment, TemporaryFiles temporaryFiles, CancellationToken cancellationToken)
    {
        var settings = RunSettingsResolver.Resolve(arguments, environment.SettingsFolder);

        // Everything that can be invalid is checked here, before the first engine starts.
        using var workload = await WorkloadFactory.CreateAsync(settings, environment.OpenStandardInput, temporaryFiles, cancellationToken);
        using var output = settings.Output is null ? null : PendingFile.Create(settings.Output, "--output", temporaryFiles);
        using var json = settings.Json is null ? null : PendingFile.Create(settings.Json, "--json", temporaryFiles);

        var reports = new List<EngineReport>(settings.Engines.Count);
        foreach (var engine in settings.Engines)
        {
            cancellationToken.ThrowIfCancellationRequested();

            var run = await RunEngineAsync(engine, settings, workload, output, environment, cancellationToken);

            // An engine may return after cancellation with part of the items, which is no result to report.
            cancellationToken.ThrowIfCancellationRequested();

            await ReportProblemsAsync(run, settings, environment.Error);
            reports.Add(EngineReport.From(run, settings.Pipeline));
        }

        if (!settings.Quiet)
        {
            ResultsTable.Render(environment.Output, settings.Files.Description, workload.Description, reports);
        }

        // The files are written whenever every engine ran to the end, lost or duplicated items included, because they
        // are the record of what was delivered.
        if (reports.All(report => report.Completed))
        {
            output?.Commit();
            WriteJson(json, reports);
        }

        return ExitCodes.For(reports);
    }

    private static async Task<WorkloadRun> RunEngineAsync(
        string name, RunSettings settings, IWorkload workload, PendingFile? output, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var engine = environment.CreateEngine(name, settings.Config);
        if (output is null)
        {
            return await workload.RunAsync(engine, settings.Pipeline, null, cancellationToken);
        }

        await using var writer = new StreamWriter(output.OpenWrite(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        return await workload.RunAsync(engine, settings.Pipeline, writer, cancellationToken);
    }

    private static void WriteJson(PendingFile? json, IReadOnlyList<EngineReport> reports)
    {
        if (json is null)
        {
            return;
        }

        using (var stream = json.OpenWrite())
        {
            JsonReport.Write(stream, reports);
        }

        json.Commit();
    }

    /// <summary>Writes a line for a failed engine, and a warning when the engine's own counts disagree with the workload's.</summary>
    private static async Task ReportProblemsAsync(WorkloadRun run, RunSettings settings, TextWriter error)
    {
        if (run.Failure is not null)
        {
            var files = settings.Output is not null || settings.Json is not null ? " No --output or --json file was written." : "";
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

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
