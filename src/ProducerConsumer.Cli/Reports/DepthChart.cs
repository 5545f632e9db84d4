using System.Text;
using ProducerConsumer.Cli.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProducerConsumer.Cli.Reports;

/// <summary>
/// Draws each engine's buffer depth over time as a column chart of text: one column per slice of the run, its
/// height the mean depth read in that slice, from 0 at the bottom to the capacity at the top. Every engine gets
/// the same vertical scale, so the charts compare at a glance; each spans its own run's duration.
/// </summary>
internal static class DepthChart
{
    /// <summary>Rows of text per chart; with eighth blocks that gives 64 levels.</summary>
    private const int Rows = 8;

    /// <summary>Fill levels of one cell, from empty to full, in eighths.</summary>
    private const string UnicodeLevels = " ▁▂▃▄▅▆▇█";

    /// <summary>Fill levels for a terminal without Unicode: coarser, but still rising with the depth.</summary>
    private const string AsciiLevels = " ....:::#";

    /// <summary>Returns one panel per engine whose depth was read, or nothing when none was.</summary>
    /// <param name="reports">The engines' reports.</param>
    /// <param name="capacity">The buffer's capacity, the top of every chart.</param>
    /// <param name="width">The characters available per line.</param>
    /// <param name="unicode">Whether the output shows block characters.</param>
    public static IReadOnlyList<IRenderable> Render(IReadOnlyList<EngineReport> reports, int capacity, int width, bool unicode)
    {
        var panels = new List<IRenderable>();
        foreach (var report in reports)
        {
            if (report.Metrics is not { DepthSamples.Count: > 0 } metrics)
            {
                continue;
            }

            var header = $"buffer depth over time: {report.Engine} (mean {Units.Decimal(metrics.MeanDepth, 1)}, max read {metrics.MaxSampledDepth} of capacity {capacity})";
            var chart = Draw(metrics.DepthSamples, metrics.Elapsed.TotalSeconds, capacity, width, unicode);
            panels.Add(new Panel(new Text(chart, new Style(EngineColors.Of(report.Engine)))).Header(Markup.Escape(header)).Expand());
        }

        return panels;
    }

    /// <summary>Returns the chart's lines: <see cref="Rows"/> rows with a depth scale on the left, an axis, and the time labels.</summary>
    public static string Draw(IReadOnlyList<DepthSample> samples, double durationSeconds, int capacity, int width, bool unicode)
    {
        var levels = unicode ? UnicodeLevels : AsciiLevels;
        var top = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var labelWidth = top.Length;

        // The panel's border and padding take four characters, and the scale takes its label, a space and the axis.
        var columns = Math.Max(1, width - labelWidth - 6);
        var heights = ColumnMeans(samples, durationSeconds, columns);

        var chart = new StringBuilder();
        for (var row = 0; row < Rows; row++)
        {
            var label = "";
            if (row == 0)
            {
                label = top;
            }
            else if (row == Rows - 1)
            {
                label = "0";
            }

            chart.Append(label.PadLeft(labelWidth)).Append(unicode ? " ┤" : " |");

            // The eighths of this row that each column fills: the rows below are full before this one starts.
            var rowFloor = (Rows - 1 - row) * 8;
            foreach (var height in heights)
            {
                // A column before the first reading has no depth, which is drawn as empty like a depth of zero.
                var eighths = double.IsNaN(height) ? 0 : (int)Math.Round(height / capacity * Rows * 8);
                chart.Append(levels[Math.Clamp(eighths - rowFloor, 0, 8)]);
            }

            chart.Append('\n');
        }

        chart.Append(' ', labelWidth).Append(unicode ? " └" : " +").Append(unicode ? '─' : '-', columns).Append('\n');

        // The time labels sit under the first and the last column.
        var end = Units.Duration(durationSeconds);
        var start = "0 s";
        var gap = Math.Max(1, columns - start.Length - end.Length);
        chart.Append(' ', labelWidth + 2).Append(start).Append(' ', gap).Append(end);
        return chart.ToString();
    }

    /// <summary>
    /// Splits the run into equal slices and returns the mean depth read in each. A slice without a reading repeats
    /// the slice before it, because the depth stays what it was last read to be. Slices before the first reading
    /// are NaN.
    /// </summary>
    private static double[] ColumnMeans(IReadOnlyList<DepthSample> samples, double durationSeconds, int columns)
    {
        var sums = new double[columns];
        var counts = new int[columns];
        var span = Math.Max(durationSeconds, samples[^1].ElapsedSeconds);
        foreach (var sample in samples)
        {
            var column = span > 0 ? Math.Min(columns - 1, (int)(sample.ElapsedSeconds / span * columns)) : 0;
            sums[column] += sample.Depth;
            counts[column]++;
        }

        var means = new double[columns];
        var previous = double.NaN;
        for (var i = 0; i < columns; i++)
        {
            if (counts[i] > 0)
            {
                previous = sums[i] / counts[i];
            }

            means[i] = previous;
        }

        return means;
    }
}
