using ProducerConsumer.Cli.Metrics;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace ProducerConsumer.Cli.Reports;

/// <summary>The image formats of <c>--chart</c>.</summary>
internal enum ChartFormat
{
    Png,
    Svg,
}

/// <summary>
/// Draws the chart of <c>--chart</c> with ScottPlot: the buffer depth over time on top and the cumulative item
/// latency distribution below, with one series per engine in each plot and the engines' terminal colors.
/// </summary>
internal static class ChartImage
{
    private const int Width = 1000;

    private const int Height = 900;

    /// <summary>Returns the format that the file's extension names; the command line accepts only .png and .svg.</summary>
    public static ChartFormat FormatOf(string path) =>
        Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase) ? ChartFormat.Svg : ChartFormat.Png;

    /// <summary>Draws the chart of one scenario's engines into <paramref name="stream"/>.</summary>
    /// <exception cref="IOException">The stream could not be written, or Skia's native library failed to load.</exception>
    public static void Write(Stream stream, ChartFormat format, ScenarioResult result)
    {
        var depth = DepthPlot(result);
        var latency = LatencyPlot(result);

        try
        {
            if (format == ChartFormat.Svg)
            {
                // The SVG document is complete only once the canvas is disposed.
                using var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), stream);
                Draw(canvas, depth, latency);
                return;
            }

            using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
            Draw(surface.Canvas, depth, latency);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            data.SaveTo(stream);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException)
        {
            // To the user this is a results file that could not be written, which the command reports as such.
            throw new IOException($"failed to draw the chart, because the Skia graphics library did not load: {ex.Message}", ex);
        }
    }

    private static void Draw(SKCanvas canvas, Plot depth, Plot latency)
    {
        canvas.Clear(SKColors.White);
        DrawInside(canvas, depth, new PixelRect(0, Width, Height / 2f, 0));
        DrawInside(canvas, latency, new PixelRect(0, Width, Height, Height / 2f));
    }

    /// <summary>
    /// Draws a plot into its part of the canvas, clipped to it, because a plot clears the whole canvas before it draws
    /// (seen with ScottPlot 5.1.59, where the first plot vanished without the clip).
    /// </summary>
    private static void DrawInside(SKCanvas canvas, Plot plot, PixelRect rectangle)
    {
        canvas.Save();
        canvas.ClipRect(rectangle.ToSKRect());
        plot.Render(canvas, rectangle);
        canvas.Restore();
    }

    private static Plot DepthPlot(ScenarioResult result)
    {
        var plot = new Plot();
        var missing = new List<string>();
        foreach (var report in result.Reports)
        {
            if (report.Metrics is not { DepthSamples.Count: > 0 } metrics)
            {
                missing.Add(report.Engine);
                continue;
            }

            var (times, depths) = Steps(metrics.DepthSamples);
            var series = plot.Add.Scatter(times, depths, EngineColors.ForChart(report.Engine));
            series.LegendText = report.Engine;
            series.MarkerSize = 0;
            series.LineWidth = 1.5f;
        }

        var capacity = plot.Add.HorizontalLine(result.Pipeline.Capacity, 1, Colors.Gray, LinePattern.Dashed);
        capacity.LegendText = "capacity";

        var interval = Units.Duration(RunMetricsCollector.DefaultSampleInterval.TotalSeconds);
        plot.Title($"{result.Title}: buffer depth over time (read every {interval}, held until the next reading){Missing(missing, "no depth reading")}");
        plot.XLabel("time since the run started (s)");
        plot.YLabel("items in the buffer");
        plot.Axes.SetLimitsY(0, result.Pipeline.Capacity * 1.1);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot LatencyPlot(ScenarioResult result)
    {
        var plot = new Plot();
        var missing = new List<string>();
        foreach (var report in result.Reports)
        {
            if (report.Metrics is not { ItemLatency.Count: > 0 } metrics)
            {
                missing.Add(report.Engine);
                continue;
            }

            // ScottPlot 5 has no logarithmic axis type, so the values are plotted as log10 and the labels undo the log.
            var points = metrics.ItemLatency.Cumulative();
            var latencies = points.Select(point => Math.Log10(Math.Max(point.UpperBoundSeconds, 1e-9))).ToArray();
            var percents = points.Select(point => point.Share * 100).ToArray();
            var series = plot.Add.Scatter(latencies, percents, EngineColors.ForChart(report.Engine));
            series.LegendText = report.Engine;
            series.MarkerSize = 0;
            series.LineWidth = 1.5f;
        }

        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = exponent => Units.Duration(Math.Pow(10, exponent)),
        };

        plot.Title($"{result.Title}: item latency distribution{Missing(missing, "no latency recorded")}");
        plot.XLabel("latency, from the buffer accepting an item to a consumer finishing it");
        plot.YLabel("items at or below this latency (%)");
        plot.Axes.SetLimitsY(0, 102);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>
    /// Returns the readings as a step line: each depth stays until the next reading, because the gauge gives no value
    /// between two readings, and a sloped line would suggest a gradual change.
    /// </summary>
    private static (double[] Times, double[] Depths) Steps(IReadOnlyList<DepthSample> samples)
    {
        var times = new List<double>(samples.Count * 2);
        var depths = new List<double>(samples.Count * 2);
        for (var i = 0; i < samples.Count; i++)
        {
            if (i > 0)
            {
                times.Add(samples[i].ElapsedSeconds);
                depths.Add(samples[i - 1].Depth);
            }

            times.Add(samples[i].ElapsedSeconds);
            depths.Add(samples[i].Depth);
        }

        return (times.ToArray(), depths.ToArray());
    }

    /// <summary>Names the engines that a plot lacks, for its title, such as " (threaded: no latency recorded)".</summary>
    private static string Missing(List<string> engines, string reason) =>
        engines.Count == 0 ? "" : $" ({string.Join(", ", engines)}: {reason})";
}
