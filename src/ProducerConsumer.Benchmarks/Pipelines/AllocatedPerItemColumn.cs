using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>
/// Managed bytes allocated per item, with one decimal. BenchmarkDotNet's own Allocated column rounds to whole
/// bytes per operation, which hides the difference between 0.2 and 1.4 bytes per item.
/// </summary>
public sealed class AllocatedPerItemColumn : IColumn
{
    public static AllocatedPerItemColumn Instance { get; } = new();

    private AllocatedPerItemColumn()
    {
    }

    public string Id => nameof(AllocatedPerItemColumn);

    public string ColumnName => "B/item";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Managed bytes allocated per item, measured by the memory diagnoser";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var gcStats = summary[benchmarkCase]?.GcStats;
        if (gcStats is null || gcStats.Value.TotalOperations == 0)
        {
            return "NA";
        }

        // Operations are items, because each benchmark's operations per invocation equal its items per invocation.
        var bytes = gcStats.Value.GetTotalAllocatedBytes(excludeAllocationQuantumSideEffects: true);
        if (bytes is null)
        {
            return "NA";
        }

        return ((double)bytes.Value / gcStats.Value.TotalOperations).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
