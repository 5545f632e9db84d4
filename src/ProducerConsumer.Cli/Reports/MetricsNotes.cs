namespace ProducerConsumer.Cli.Reports;

/// <summary>
/// Finds where an engine's metrics cannot be trusted as they are, so that the report shows a note next to the
/// numbers: counts that disagree with what the workload's source and sink saw, instruments that recorded nothing,
/// or measurements of another run that were mixed in.
/// </summary>
internal static class MetricsNotes
{
    /// <summary>Returns one sentence per problem, naming the engine; none when the metrics agree with the run.</summary>
    /// <param name="reports">The engines' reports.</param>
    /// <param name="includeMissingDepth">Whether to note a run without a depth reading; a summary of many runs lists those in one line instead.</param>
    public static IReadOnlyList<string> For(IEnumerable<EngineReport> reports, bool includeMissingDepth = true)
    {
        var notes = new List<string>();
        foreach (var report in reports)
        {
            if (report.Metrics is not { } metrics)
            {
                notes.Add($"The {report.Engine} engine ran without a metrics collector, so its latency, waits, depth, fairness and memory are not available.");
                continue;
            }

            if (report.Completed && (metrics.Produced != report.Produced || metrics.Consumed != report.Consumed))
            {
                notes.Add(
                    $"The {report.Engine} engine's metrics counted {Units.Count(metrics.Produced)} items produced and {Units.Count(metrics.Consumed)} consumed, "
                    + $"but the source handed out {Units.Count(report.Produced)} and the sink received {Units.Count(report.Consumed)}, so its fairness figures are not exact.");
            }

            if (report.Completed && report.Consumed > 0 && metrics.ItemLatency.Count == 0)
            {
                notes.Add($"The {report.Engine} engine recorded no item latency, so its latency percentiles are not available.");
            }

            if (includeMissingDepth && HasNoDepthReading(report))
            {
                notes.Add(
                    $"No depth reading, taken every {Units.Duration(Metrics.RunMetricsCollector.DefaultSampleInterval.TotalSeconds)}, fell within the {report.Engine} engine's run, so its mean depth is not available.");
            }

            if (metrics.SamplesWithSeveralRuns > 0)
            {
                notes.Add($"Another run of the {report.Engine} engine in the same process recorded at the same time, so its measurements are mixed into these.");
            }

            if (metrics.UnattributedItems > 0)
            {
                notes.Add(
                    $"The {report.Engine} engine's metrics counted {Units.Count(metrics.UnattributedItems)} items under a producer or consumer index that the run does not have; fairness leaves them out.");
            }
        }

        return notes;
    }

    /// <summary>Whether a completed run that moved items got no depth reading, as a run shorter than the sample interval may.</summary>
    public static bool HasNoDepthReading(EngineReport report) =>
        report is { Completed: true, Consumed: > 0, Metrics.DepthSamples.Count: 0 };
}
