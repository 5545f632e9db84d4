using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProducerConsumer.Cli.Reports;

/// <summary>Renders the results of <c>--all</c>: one line per scenario and engine with the measures that matter most.</summary>
internal static class ScenarioSummaryTable
{
    /// <summary>
    /// The characters per line when the output is a file or a pipe rather than a terminal, wide enough for every
    /// column, so that no cell is wrapped or cut.
    /// </summary>
    private const int FileWidth = 200;

    /// <summary>The columns after the scenario and engine, shared with the Markdown summary.</summary>
    public static IReadOnlyList<Measure> Columns { get; } =
    [
        new("elapsed", report => Units.DurationMs(report.ElapsedMs)),
        new("items/s", report => Units.Count((long)report.ItemsPerSecond)),
        new("p50", report => Units.DurationMs(report.Latency?.P50Ms)),
        new("p99", report => Units.DurationMs(report.Latency?.P99Ms)),
        new("producer wait", report => Units.DurationMs(report.ProducerWait?.TotalMs)),
        new("consumer wait", report => Units.DurationMs(report.ConsumerWait?.TotalMs)),
        new("depth mean/max", report => $"{Units.Decimal(report.MeanBufferDepth, 1)} / {(report.MaxBufferDepth is { } max ? Units.Count(max) : Units.NotAvailable)}"),
        new("Jain p/c", report => $"{Units.Decimal(report.ProducerFairness?.JainIndex, 2)} / {Units.Decimal(report.ConsumerFairness?.JainIndex, 2)}"),
        new("peak WS", report => Units.Bytes(report.PeakWorkingSetBytes)),
        new("GC 0/1/2", report => report.GcCollections is { } gc ? $"{gc.Gen0}/{gc.Gen1}/{gc.Gen2}" : Units.NotAvailable),
        new("result", ReportMeasures.Outcome, Style: MeasureStyle.Outcome),
    ];

    public static void Render(TextWriter output, IReadOnlyList<ScenarioResult> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });

        // A terminal keeps its own width; elsewhere the default of 80 characters would cut the table's columns.
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = FileWidth;
        }

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("scenario");
        table.AddColumn("engine");
        foreach (var column in Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column.Name)).RightAligned());
        }

        foreach (var result in results)
        {
            foreach (var report in result.Reports)
            {
                var cells = new List<IRenderable> { new Text(result.Title), new Text(report.Engine) };
                cells.AddRange(Columns.Select(column => Cell(column, report)));
                table.AddRow(cells);
            }
        }

        console.Write(table);

        foreach (var result in results)
        {
            foreach (var note in MetricsNotes.For(result.Reports, includeMissingDepth: false))
            {
                output.WriteLine($"note ({result.Title}): {note}");
            }
        }

        var withoutDepth = results
            .SelectMany(result => result.Reports.Where(MetricsNotes.HasNoDepthReading).Select(report => $"{result.Title} {report.Engine}"))
            .ToArray();
        if (withoutDepth.Length > 0)
        {
            var interval = Units.Duration(Metrics.RunMetricsCollector.DefaultSampleInterval.TotalSeconds);
            output.WriteLine($"note: no depth reading, taken every {interval}, fell within these runs, so they have no mean depth: {string.Join(", ", withoutDepth)}.");
        }
    }

    private static IRenderable Cell(Measure column, EngineReport report)
    {
        var text = column.Format(report);
        return column.Style == MeasureStyle.Outcome
            ? new Markup($"[{(report.ExactlyOnce ? "green" : "red")}]{Markup.Escape(text)}[/]")
            : new Text(text);
    }
}
