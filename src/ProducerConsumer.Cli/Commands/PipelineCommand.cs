using ProducerConsumer.Cli.Reports;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Cli.Settings;

namespace ProducerConsumer.Cli.Commands;

/// <summary>
/// The action of <c>run</c> and <c>compare</c>: checks every setting, input and output path, runs the engines one
/// after the other (on every scenario with <c>--all</c>), then prints the results and writes the requested files.
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
        if (arguments.All)
        {
            return await RunAllScenariosAsync(arguments, environment, temporaryFiles, cancellationToken);
        }

        var settings = RunSettingsResolver.Resolve(arguments, environment.SettingsFolder);

        // Everything that can be invalid is checked here, before the first engine starts.
        using var workload = await WorkloadFactory.CreateAsync(settings, environment.OpenStandardInput, temporaryFiles, cancellationToken);
        using var output = settings.Output is null ? null : PendingFile.Create(settings.Output, "--output", temporaryFiles);
        using var files = ResultFiles.Create(settings.Json, settings.Report, settings.Chart, temporaryFiles);

        var reports = await EngineRunner.RunAsync(settings, workload, output, environment, cancellationToken);
        var result = ScenarioResult.From(settings, workload.Description, reports);

        if (!settings.Quiet)
        {
            ResultsTable.Render(environment.Output, result);
        }

        // The files are written whenever every engine ran to the end, lost or duplicated items included, because they
        // are the record of what was delivered.
        if (result.Completed)
        {
            output?.Commit();
            files.Write([result]);
        }

        return ExitCodes.For(reports);
    }

    /// <summary>Runs both engines on every scenario, then prints one line per scenario and engine.</summary>
    private static async Task<int> RunAllScenariosAsync(
        CommandLineArguments arguments, CliEnvironment environment, TemporaryFiles temporaryFiles, CancellationToken cancellationToken)
    {
        // Every scenario file is checked before the first one runs.
        var scenarios = RunSettingsResolver.ResolveAll(arguments, environment.SettingsFolder);
        using var files = ResultFiles.Create(arguments.Json, arguments.Report, chart: null, temporaryFiles);

        var results = new List<ScenarioResult>(scenarios.Count);
        foreach (var settings in scenarios)
        {
            using var workload = await WorkloadFactory.CreateAsync(settings, environment.OpenStandardInput, temporaryFiles, cancellationToken);
            var reports = await EngineRunner.RunAsync(settings, workload, null, environment, cancellationToken);
            results.Add(ScenarioResult.From(settings, workload.Description, reports));
        }

        if (!arguments.Quiet)
        {
            ScenarioSummaryTable.Render(environment.Output, results);
        }

        if (results.All(result => result.Completed))
        {
            files.Write(results);
        }

        return ExitCodes.For([.. results.SelectMany(result => result.Reports)]);
    }
}
