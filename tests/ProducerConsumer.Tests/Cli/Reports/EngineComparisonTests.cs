using ProducerConsumer.Cli.Reports;

namespace ProducerConsumer.Tests.Cli.Reports;

/// <summary>"What each engine does better", derived from two reports with chosen numbers.</summary>
public sealed class EngineComparisonTests
{
    [Fact]
    public void ClearWinnerPerMeasure()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.004);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 2_000, latencySeconds: 0.001);

        var findings = EngineComparison.Compare([actor, threaded])!;

        Assert.Contains(findings.Better["threaded"], finding => finding.StartsWith("throughput 2× higher (2,000 items/s vs 1,000 items/s)", StringComparison.Ordinal));
        Assert.Contains(findings.Better["threaded"], finding => finding.StartsWith("latency p99 ", StringComparison.Ordinal));
        Assert.DoesNotContain(findings.Better["actor"], finding => finding.StartsWith("throughput", StringComparison.Ordinal));
    }

    [Fact]
    public void SmallDifferenceCountsAsSame()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001, peakWorkingSetBytes: 100L << 20);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 1_050, latencySeconds: 0.001, peakWorkingSetBytes: 104L << 20);

        var findings = EngineComparison.Compare([actor, threaded])!;

        Assert.Contains("throughput", findings.Same);
        Assert.Contains("peak working set", findings.Same);
        Assert.Contains("latency p50", findings.Same);
        Assert.Empty(findings.Better["actor"]);
        Assert.Empty(findings.Better["threaded"]);
    }

    [Fact]
    public void FairnessComparesByDifference()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001, producedPerProducer: [500, 500]);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 1_000, latencySeconds: 0.001, producedPerProducer: [900, 100]);

        var findings = EngineComparison.Compare([actor, threaded])!;

        Assert.Contains("producer fairness (Jain) (1.000 vs 0.610)", findings.Better["actor"]);
    }

    [Fact]
    public void MissingMeasureIsNotCompared()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 1_000, latencySeconds: null);

        var findings = EngineComparison.Compare([actor, threaded])!;

        Assert.Contains("latency p50", findings.Missing);
        Assert.Contains("latency p99", findings.Missing);
        Assert.DoesNotContain(findings.Better["actor"], finding => finding.StartsWith("latency", StringComparison.Ordinal));
    }

    [Fact]
    public void OneEngineHasNothingToCompare()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001);

        Assert.Null(EngineComparison.Compare([actor]));
    }
}
