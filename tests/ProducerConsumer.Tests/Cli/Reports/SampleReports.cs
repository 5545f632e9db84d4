using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Reports;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Cli.Reports;

/// <summary>Engine reports with chosen numbers, built the way the console app builds them, for tests of the report writers.</summary>
internal static class SampleReports
{
    public static readonly PipelineSettings Settings = PipelineSettings.Create(capacity: 8, producers: 2, consumers: 2);

    /// <summary>Builds the report of a completed run.</summary>
    /// <param name="engine">The engine's name.</param>
    /// <param name="itemsPerSecond">The throughput; the run moves 1,000 items, so this sets the elapsed time.</param>
    /// <param name="latencySeconds">The latency of every item, or <c>null</c> for an engine that recorded none.</param>
    /// <param name="producedPerProducer">Items per producer; two producers with 500 each when <c>null</c>.</param>
    /// <param name="lost">Items that never reached the sink.</param>
    /// <param name="peakWorkingSetBytes">The peak working set.</param>
    /// <param name="depth">The depth samples; none when <c>null</c>.</param>
    /// <param name="latencySampleEvery">Records the latency of one item in every this many.</param>
    public static EngineReport Completed(
        string engine,
        double itemsPerSecond,
        double? latencySeconds,
        long[]? producedPerProducer = null,
        long lost = 0,
        long peakWorkingSetBytes = 100L << 20,
        IReadOnlyList<DepthSample>? depth = null,
        int latencySampleEvery = 1)
    {
        const long items = 1_000;
        var elapsed = TimeSpan.FromSeconds(items / itemsPerSecond);
        var latency = new LogHistogram();
        if (latencySeconds is { } seconds)
        {
            for (var i = 0; i < items - lost; i += latencySampleEvery)
            {
                latency.Record(seconds);
            }
        }

        var metrics = new RunMetrics(
            engine,
            elapsed,
            producedPerProducer ?? [500, 500],
            [(items - lost) / 2, (items - lost) - (items - lost) / 2],
            UnattributedItems: 0,
            depth ?? [],
            SamplesWithSeveralRuns: 0,
            Waits(0.001, 10),
            Waits(0.002, 20),
            latency.Snapshot(),
            StartWorkingSetBytes: 50L << 20,
            peakWorkingSetBytes,
            new GcCollections(3, 1, 0));

        var delivery = new DeliveryCheck(items, items - lost, lost, 0, InOrder: false);
        var run = new WorkloadRun(engine, null, null, items, items, delivery, elapsed);
        return EngineReport.From(run, Settings with { LatencySampleEvery = latencySampleEvery }, metrics, scenario: "sample");
    }

    public static ScenarioResult Scenario(string title, params EngineReport[] reports) =>
        new(title, $"/hocon/{title}.conf (on top of default.conf)", "1,000 generated integers", Settings, reports);

    private static HistogramSnapshot Waits(double seconds, int count)
    {
        var histogram = new LogHistogram();
        for (var i = 0; i < count; i++)
        {
            histogram.Record(seconds);
        }

        return histogram.Snapshot();
    }
}
