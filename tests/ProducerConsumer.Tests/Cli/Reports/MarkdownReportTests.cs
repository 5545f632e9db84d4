using System.Text;
using ProducerConsumer.Cli.Reports;

namespace ProducerConsumer.Tests.Cli.Reports;

/// <summary>The Markdown report of reports with chosen numbers: its sections, its table and its findings.</summary>
public sealed class MarkdownReportTests
{
    [Fact]
    public void OneScenarioHasEverySection()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.004);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 2_000, latencySeconds: 0.001);

        var markdown = Write(SampleReports.Scenario("balanced", actor, threaded));

        Assert.StartsWith("# Producer-consumer engine comparison: balanced\n", markdown);
        foreach (var section in (string[])["## Settings", "## Results", "## What each engine does better", "## Fairness rule per engine", "## How the numbers are measured"])
        {
            Assert.Contains($"\n{section}\n", markdown);
        }

        Assert.Contains("| settings files | /hocon/balanced.conf (on top of default.conf) |", markdown);
        Assert.Contains("| measure | actor | threaded |", markdown);
        Assert.Contains("| throughput | 1,000 items/s | 2,000 items/s |", markdown);
        Assert.Contains("| latency p50 | 4.00 ms | 1.00 ms |", markdown);
        Assert.Contains("| producer fairness (Jain) | 1.000 | 1.000 |", markdown);
        Assert.Contains("| GC gen0/gen1/gen2 | 3 / 1 / 0 | 3 / 1 / 0 |", markdown);
        Assert.Contains("- **threaded**: throughput 2× higher (2,000 items/s vs 1,000 items/s)", markdown);
        Assert.Contains($"- **actor**: {FairnessRules.Of("actor")}", markdown);
        Assert.Contains($"- **threaded**: {FairnessRules.Of("threaded")}", markdown);
    }

    [Fact]
    public void LostItemsAreBold()
    {
        var actor = SampleReports.Completed("actor", itemsPerSecond: 1_000, latencySeconds: 0.001, lost: 3);
        var threaded = SampleReports.Completed("threaded", itemsPerSecond: 1_000, latencySeconds: 0.001);

        var markdown = Write(SampleReports.Scenario("balanced", actor, threaded));

        Assert.Contains("| lost | **3** | 0 |", markdown);
        Assert.Contains("| result | **lost or duplicated** | exactly once |", markdown);
    }

    [Fact]
    public void SeveralScenariosStartWithSummary()
    {
        var first = SampleReports.Scenario(
            "balanced", SampleReports.Completed("actor", 1_000, 0.001), SampleReports.Completed("threaded", 1_000, 0.001));
        var second = SampleReports.Scenario(
            "capacity-1", SampleReports.Completed("actor", 1_000, 0.001), SampleReports.Completed("threaded", 1_000, 0.001));

        var markdown = Write(first, second);

        Assert.StartsWith("# Producer-consumer engine comparison: all scenarios\n", markdown);
        Assert.Contains("\n## Summary\n", markdown);
        Assert.Contains("| balanced | actor |", markdown);
        Assert.Contains("| capacity-1 | threaded |", markdown);
        Assert.True(
            markdown.IndexOf("\n## balanced\n", StringComparison.Ordinal) < markdown.IndexOf("\n## capacity-1\n", StringComparison.Ordinal),
            "the scenario sections are missing or out of order");
        Assert.Contains("\n### Results\n", markdown);
        Assert.Equal(1, Occurrences(markdown, "## Fairness rule per engine"));
    }

    [Fact]
    public void PipeInValueIsEscaped()
    {
        var result = SampleReports.Scenario("a|b", SampleReports.Completed("actor", 1_000, 0.001));

        var markdown = Write(result);

        Assert.Contains("a\\|b", markdown);
        Assert.Contains("Fewer than two engines completed", markdown);
    }

    private static string Write(params ScenarioResult[] results)
    {
        using var stream = new MemoryStream();
        MarkdownReport.Write(stream, results);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
