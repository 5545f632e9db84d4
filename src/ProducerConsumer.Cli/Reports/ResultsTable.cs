using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProducerConsumer.Cli.Reports;

/// <summary>
/// Renders the results with one column per engine and one row per measure, so that engines compare side by side,
/// followed by notes on measurements that cannot be trusted and each engine's buffer depth over time.
/// </summary>
internal static class ResultsTable
{
    /// <param name="output">Where the table goes; colors are used only when it is a terminal that supports them.</param>
    /// <param name="result">The engines' reports with the settings and workload they ran on.</param>
    public static void Render(TextWriter output, ScenarioResult result)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });

        var reports = result.Reports;
        var table = new Table().Border(TableBorder.Rounded);

        table.AddColumn(new TableColumn(""));
        foreach (var report in reports)
        {
            table.AddColumn(new TableColumn(new Markup($"[bold]{Markup.Escape(report.Engine)}[/]")).RightAligned());
        }

        foreach (var measure in ReportMeasures.All)
        {
            var cells = new List<IRenderable>(reports.Count + 1) { new Text(measure.Name) };
            cells.AddRange(reports.Select(report => Cell(measure, report)));
            table.AddRow(cells);
        }

        // The headings go straight to the writer because Spectre would wrap a long path at the console width.
        output.WriteLine($"settings: {result.SettingsDescription}");
        output.WriteLine($"workload: {result.WorkloadDescription}");
        console.Write(table);

        foreach (var note in MetricsNotes.For(reports))
        {
            output.WriteLine($"note: {note}");
        }

        var unicode = console.Profile.Capabilities.Unicode;
        foreach (var chart in DepthChart.Render(reports, result.Pipeline.Capacity, console.Profile.Width, unicode))
        {
            console.Write(chart);
        }
    }

    private static IRenderable Cell(Measure measure, EngineReport report)
    {
        var text = measure.Format(report);
        return measure.Style switch
        {
            // A count that must be zero is red when it is not.
            MeasureStyle.Problem => text == "0" ? new Text(text) : new Markup($"[red]{Markup.Escape(text)}[/]"),
            MeasureStyle.Outcome => new Markup($"[{(report.ExactlyOnce ? "green" : "red")}]{Markup.Escape(text)}[/]"),
            _ => new Text(text),
        };
    }
}
