using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>
/// Items per second relative to the baseline in the same case, such as Channels: 2.00 means twice as many items
/// per second. BenchmarkDotNet's own ratio column divides times, so there a faster peer shows below 1.
/// </summary>
public sealed class ThroughputRatioColumn : IColumn
{
    private readonly string _baseline;

    /// <param name="baseline">What the baseline is, for the column's name and legend, such as <c>Channels</c>.</param>
    public ThroughputRatioColumn(string baseline)
    {
        _baseline = baseline;
    }

    /// <summary>The pipeline jobs' column, whose baseline is the Channels peer.</summary>
    public static ThroughputRatioColumn VersusChannels { get; } = new("Channels");

    public string Id => $"{nameof(ThroughputRatioColumn)}.{_baseline}";

    public string ColumnName => $"Items/s vs {_baseline}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Items per second divided by the items per second of the baseline ({_baseline}) in the same case";

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
