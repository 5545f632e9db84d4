using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>
/// Items per second relative to the baseline (Channels) in the same case: 2.00 means twice as many items per
/// second. BenchmarkDotNet's own ratio column divides times, so there a faster peer shows below 1.
/// </summary>
public sealed class ThroughputRatioColumn : IColumn
{
    public static ThroughputRatioColumn Instance { get; } = new();

    private ThroughputRatioColumn()
    {
    }

    public string Id => nameof(ThroughputRatioColumn);

    public string ColumnName => "Items/s vs Channels";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Items per second divided by the Channels peer's items per second in the same case";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var baselineMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (baselineMean is not > 0 || mean is not > 0)
        {
            return "NA";
        }

        // The means are nanoseconds per item, so the ratio of rates is the inverse ratio of the means.
        return (baselineMean.Value / mean.Value).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
