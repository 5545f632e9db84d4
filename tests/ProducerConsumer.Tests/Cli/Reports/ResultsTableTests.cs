using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Reports;

namespace ProducerConsumer.Tests.Cli.Reports;

/// <summary>The terminal results: one column per engine, notes on untrusted measurements, and a depth chart per engine.</summary>
public sealed class ResultsTableTests
{
    [Fact]
    public void DepthChartFollowsTable()
    {
        DepthSample[] depth = [new(0.1, 8), new(0.2, 4), new(0.3, 0)];
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001, depth: depth);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 2_000, latencySeconds: 0.001, depth: depth);
        var output = new StringWriter();

        ResultsTable.Render(output, SampleReports.Scenario("balanced", actor, threaded));

        var text = output.ToString();
        Assert.Contains("latency p50", text);
        Assert.True(
            text.IndexOf("result", StringComparison.Ordinal) < text.IndexOf("buffer depth over time: actor (mean 4.0", StringComparison.Ordinal),
            $"the actor's depth chart is missing or above the table:\n{text}");
        Assert.Contains("buffer depth over time: threaded", text);
    }

    [Fact]
    public void LatencySamplesShowTheRate()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001, latencySampleEvery: 10);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 1_000, latencySeconds: 0.001);
        var output = new StringWriter();

        ResultsTable.Render(output, SampleReports.Scenario("balanced", actor, threaded));

        Assert.Contains("100, 1 in 10 items", output.ToString());
        Assert.Contains("1,000, every item", output.ToString());
    }

    [Fact]
    public void MissingLatencyGetsNote()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 1_000, latencySeconds: null);
        var output = new StringWriter();

        ResultsTable.Render(output, SampleReports.Scenario("balanced", actor, threaded));

        Assert.Contains("note: The threaded engine recorded no item latency", output.ToString());
        Assert.DoesNotContain("note: The actor engine recorded no item latency", output.ToString());
    }
}
