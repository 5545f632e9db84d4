using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ProducerConsumer.Benchmarks.Running;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>
/// Runs the benchmarks of one job. Takes <c>--job short|full|metrics</c> from the command line and hands every
/// other argument to BenchmarkDotNet, so its own options such as <c>--filter</c> work unchanged.
/// </summary>
public static class BenchmarkCommand
{
    public static int Run(string[] args)
    {
        var (benchmarkJob, benchmarkDotNetArgs) = SplitJob(args);

        var artifactsPath = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", benchmarkJob.Name));
        Directory.CreateDirectory(artifactsPath);

        // Each session starts with an empty log, so every line in it belongs to this session's benchmarks.
        var failureLogPath = Path.Combine(artifactsPath, "failures.log");
        File.Delete(failureLogPath);

        var config = benchmarkJob.ToConfig(artifactsPath, failureLogPath);

        // BenchmarkDotNet reports unknown options but then returns as if it had run, so they are checked first.
        // Its parser treats a request for help as a failure too, so such a request is passed through unchecked.
        var asksForHelp = benchmarkDotNetArgs.Any(arg => arg is "--help" or "-h" or "-?" or "--version");
        if (!asksForHelp && !ConfigParser.Parse(benchmarkDotNetArgs, ConsoleLogger.Default, config).isSuccess)
        {
            Console.Error.WriteLine("Invalid BenchmarkDotNet options: see the errors above, or run with --job short --help.");
            return ExitCodes.Usage;
        }

        var summary = BenchmarkRunner.Run(benchmarkJob.BenchmarkType, config, benchmarkDotNetArgs);
        return ReportFailures(summary, failureLogPath);
    }

    /// <summary>Removes <c>--job NAME</c> (or <c>-j NAME</c>) from the arguments. Without it the job is <c>short</c>.</summary>
    private static (BenchmarkJob Job, string[] BenchmarkDotNetArgs) SplitJob(string[] args)
    {
        var job = BenchmarkJob.Short;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--job" or "-j"))
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 == args.Length)
            {
                throw new UsageException($"Missing value after {args[i]}: expected 'short', 'full' or 'metrics'.");
            }

            job = BenchmarkJob.Parse(args[++i]);
        }

        return (job, rest.ToArray());
    }

    /// <summary>Lists the benchmarks that failed and the runs that the benchmark processes logged as failed.</summary>
    private static int ReportFailures(Summary summary, string failureLogPath)
    {
        var failed = summary.Reports.Where(report => !report.Success).ToList();
        var loggedRuns = File.Exists(failureLogPath) ? File.ReadAllLines(failureLogPath) : [];
        if (failed.Count == 0 && loggedRuns.Length == 0)
        {
            return ExitCodes.Success;
        }

        Console.Error.WriteLine();
        Console.Error.WriteLine($"{failed.Count} of {summary.Reports.Length} benchmarks failed, and their rows show NA.");
        foreach (var report in failed)
        {
            Console.Error.WriteLine($"  failed: {report.BenchmarkCase.DisplayInfo}");
        }

        Console.Error.WriteLine($"{loggedRuns.Length} failed runs were logged to {failureLogPath}:");
        foreach (var line in loggedRuns)
        {
            Console.Error.WriteLine($"  {line}");
        }

        return ExitCodes.RunFailed;
    }
}
