using ProducerConsumer.Cli.Metrics;

namespace ProducerConsumer.Cli.Reports;

/// <summary>The waits of the producers, or of the consumers, of one run, in milliseconds.</summary>
/// <param name="Count">The number of waits.</param>
/// <param name="TotalMs">The sum of every worker's waits, so with several workers it can exceed the elapsed time.</param>
/// <param name="P95Ms">The 95th percentile of one wait, within about 1.6 %, or <c>null</c> when no worker waited.</param>
internal sealed record WaitSummary(long Count, double TotalMs, double? P95Ms)
{
    public static WaitSummary From(HistogramSnapshot waits) =>
        new(waits.Count, waits.TotalSeconds * 1000, waits.Percentile(95) * 1000);
}
