using System.Globalization;
using ProducerConsumer.Cli.Metrics;

namespace ProducerConsumer.Cli.Reports;

/// <summary>The rows of the results table, in order, shared by the terminal table and the Markdown report.</summary>
internal static class ReportMeasures
{
    public static IReadOnlyList<Measure> All { get; } =
    [
        new("capacity", report => Units.Count(report.Capacity), IsSetting: true),
        new("producers", report => Units.Count(report.Producers), IsSetting: true),
        new("consumers", report => Units.Count(report.Consumers), IsSetting: true),
        new("max batch", report => Units.Count(report.MaxBatch), IsSetting: true),
        new("producer work", report => report.ProducerWork, IsSetting: true),
        new("consumer work", report => report.ConsumerWork, IsSetting: true),
        new("items", report => Units.Count(report.Items)),
        new("produced", report => Units.Count(report.Produced)),
        new("consumed", report => Units.Count(report.Consumed)),
        new("lost", report => Units.Count(report.Lost), Style: MeasureStyle.Problem),
        new("duplicated", report => Units.Count(report.Duplicated), Style: MeasureStyle.Problem),
        new("in order", report => report.InOrder switch { null => Units.NotAvailable, true => "yes", false => "no" }),
        new("elapsed", report => $"{report.ElapsedMs.ToString("N1", CultureInfo.InvariantCulture)} ms"),
        new("throughput", report => $"{report.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} items/s"),
        new("latency p50", report => Units.DurationMs(report.Latency?.P50Ms)),
        new("latency p95", report => Units.DurationMs(report.Latency?.P95Ms)),
        new("latency p99", report => Units.DurationMs(report.Latency?.P99Ms)),
        new("latency samples", report => LatencySamples(report.Latency)),
        new("producer wait total", report => WaitTotal(report.ProducerWait)),
        new("producer wait p95", report => Units.DurationMs(report.ProducerWait?.P95Ms)),
        new("consumer wait total", report => WaitTotal(report.ConsumerWait)),
        new("max buffer depth", report => report.MaxBufferDepth is { } depth ? Units.Count(depth) : Units.NotAvailable),
        new("mean buffer depth", report => Units.Decimal(report.MeanBufferDepth, 1)),
        new("producer fairness (Jain)", report => Units.Decimal(report.ProducerFairness?.JainIndex, 3)),
        new("producer share min-max", report => Shares(report.ProducerFairness)),
        new("consumer fairness (Jain)", report => Units.Decimal(report.ConsumerFairness?.JainIndex, 3)),
        new("consumer share min-max", report => Shares(report.ConsumerFairness)),
        new("peak working set", report => Units.Bytes(report.PeakWorkingSetBytes)),
        new("GC gen0/gen1/gen2", report => report.GcCollections is { } gc ? $"{gc.Gen0} / {gc.Gen1} / {gc.Gen2}" : Units.NotAvailable),
        new("result", Outcome, Style: MeasureStyle.Outcome),
    ];

    /// <summary>The outcome in words: <c>exactly once</c>, <c>lost or duplicated</c>, or <c>failed</c>.</summary>
    public static string Outcome(EngineReport report)
    {
        if (!report.Completed)
        {
            return "failed";
        }

        return report.ExactlyOnce ? "exactly once" : "lost or duplicated";
    }

    /// <summary>How many latencies the percentiles rest on, such as <c>100,000, 1 in 10 items</c> or <c>1,000, every item</c>.</summary>
    private static string LatencySamples(LatencySummary? latency) => latency switch
    {
        null => Units.NotAvailable,
        { SampleEvery: 1 } => $"{Units.Count(latency.Count)}, every item",
        _ => $"{Units.Count(latency.Count)}, 1 in {Units.Count(latency.SampleEvery)} items",
    };

    /// <summary>The total with the number of waits, such as <c>1.20 s in 3,456 waits</c>.</summary>
    private static string WaitTotal(WaitSummary? waits)
    {
        if (waits is null)
        {
            return Units.NotAvailable;
        }

        return waits.Count == 0 ? "0 s (no waits)" : $"{Units.DurationMs(waits.TotalMs)} in {Units.Count(waits.Count)} waits";
    }

    /// <summary>The smallest and the largest share, such as <c>48.0 % - 52.0 %</c>.</summary>
    private static string Shares(Fairness? fairness) =>
        fairness is null ? Units.NotAvailable : $"{Units.Percent(fairness.MinShare)} - {Units.Percent(fairness.MaxShare)}";
}
