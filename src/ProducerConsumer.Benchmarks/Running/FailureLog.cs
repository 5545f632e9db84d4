namespace ProducerConsumer.Benchmarks.Running;

/// <summary>
/// Failed runs, one line each, appended to the file named by <see cref="PathVariable"/>. Benchmarks run in child
/// processes, so the parent passes the path through the environment and lists the file once every benchmark
/// has run.
/// </summary>
public static class FailureLog
{
    /// <summary>The environment variable that contains the log file's path. Without it, failures go to standard error only.</summary>
    public const string PathVariable = "PRODUCER_CONSUMER_BENCHMARK_FAILURES";

    /// <summary>Writes the failure to standard error and appends it to the log file, if one is set.</summary>
    public static void Append(string run, Exception error)
    {
        var line = $"{DateTime.UtcNow:O}\t{run}\t{error.GetType().Name}: {Flatten(error.Message)}";
        if (error.InnerException is { } inner)
        {
            line += $" <- {inner.GetType().Name}: {Flatten(inner.Message)}";
        }

        Console.Error.WriteLine($"FAILED {line}");
        var path = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(path))
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    private static string Flatten(string message) => message.ReplaceLineEndings(" ");
}
