using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Reports;

namespace ProducerConsumer.Tests.Cli.Reports;

/// <summary>The terminal chart of buffer depth: column heights, the scale and the time axis.</summary>
public sealed class DepthChartTests
{
    /// <summary>The width given to the chart: a one-digit label, the axis and the panel take 7 characters, so 23 columns remain.</summary>
    private const int Width = 30;

    [Fact]
    public void FullBufferFillsEveryRow()
    {
        var lines = Draw([new(0.0, 8), new(0.5, 8), new(1.0, 8)], durationSeconds: 1, capacity: 8, unicode: true);

        Assert.Equal(10, lines.Length);
        Assert.Equal("8 ┤" + new string('█', 23), lines[0]);
        Assert.Equal("0 ┤" + new string('█', 23), lines[7]);
        Assert.Equal("  └" + new string('─', 23), lines[8]);
        Assert.StartsWith("   0 s", lines[9]);
        Assert.EndsWith("1.00 s", lines[9]);
    }

    [Fact]
    public void HalfFullBufferFillsLowerHalf()
    {
        var lines = Draw([new(0.5, 4), new(1.0, 4)], durationSeconds: 1, capacity: 8, unicode: true);

        Assert.DoesNotContain('█', lines[3]);
        Assert.Contains('█', lines[4]);
        Assert.Contains('█', lines[7]);
    }

    [Fact]
    public void ColumnsBeforeFirstReadingStayEmpty()
    {
        var lines = Draw([new(0.9, 8)], durationSeconds: 1, capacity: 8, unicode: true);

        Assert.StartsWith("0 ┤" + new string(' ', 10), lines[7]);
        Assert.EndsWith("█", lines[7]);
    }

    [Fact]
    public void AsciiWithoutUnicode()
    {
        var lines = Draw([new(1.0, 8)], durationSeconds: 1, capacity: 8, unicode: false);

        Assert.Equal("8 |", lines[0][..3]);
        Assert.EndsWith("#", lines[0]);
        Assert.Equal("  +", lines[8][..3]);
        Assert.All(lines, line => Assert.True(line.All(char.IsAscii), $"not ASCII: {line}"));
    }

    private static string[] Draw(DepthSample[] samples, double durationSeconds, int capacity, bool unicode) =>
        DepthChart.Draw(samples, durationSeconds, capacity, Width, unicode).Split('\n');
}
