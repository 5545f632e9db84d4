using ProducerConsumer.Cli.Metrics;

namespace ProducerConsumer.Cli.Reports;

/// <summary>Item latency percentiles in milliseconds, each within about 1.6 % of the exact value.</summary>
/// <param name="Count">The number of items whose latency was recorded.</param>
/// <param name="SampleEvery">Each consumer recorded its first item and then one in every this many; 1 when every item was recorded.</param>
/// <param name="P50Ms">The median, or <c>null</c> when nothing was recorded; likewise for the others.</param>
/// <param name="P95Ms">The 95th percentile.</param>
/// <param name="P99Ms">The 99th percentile.</param>
/// <param name="MaxMs">The largest latency, exact.</param>
internal sealed record LatencySummary(long Count, int SampleEvery, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs)
{
    public static LatencySummary From(HistogramSnapshot latency, int sampleEvery) =>
        new(latency.Count, sampleEvery, Milliseconds(latency.Percentile(50)), Milliseconds(latency.Percentile(95)), Milliseconds(latency.Percentile(99)), Milliseconds(latency.MaxSeconds));

    private static double? Milliseconds(double? seconds) => seconds * 1000;
}
