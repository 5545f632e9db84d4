using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProducerConsumer.Cli.Reports;

/// <summary>
/// Renders the results with one column per engine and one row per measure, so that engines compare side by side.
/// </summary>
internal static class ResultsTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="output">Where the table goes; colors are used only when it is a terminal that supports them.</param>
    /// <param name="settingsDescription">The settings files in use.</param>
    /// <param name="workloadDescription">What the items are.</param>
    /// <param name="reports">One report per engine, in the order the engines ran.</param>
    public static void Render(TextWriter output, string settingsDescription, string workloadDescription, IReadOnlyList<EngineReport> reports)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });

        var table = new Table().Border(TableBorder.Rounded);

        table.AddColumn(new TableColumn(""));
        foreach (var report in reports)
        {
            table.AddColumn(new TableColumn(new Markup($"[bold]{Markup.Escape(report.Engine)}[/]")).RightAligned());
        }

        AddRow(table, "capacity", reports, report => Plain(Count(report.Capacity)));
        AddRow(table, "producers", reports, report => Plain(Count(report.Producers)));
        AddRow(table, "consumers", reports, report => Plain(Count(report.Consumers)));
        AddRow(table, "max batch", reports, report => Plain(Count(report.MaxBatch)));
        AddRow(table, "producer work", reports, report => Plain(report.ProducerWork));
        AddRow(table, "consumer work", reports, report => Plain(report.ConsumerWork));
        AddRow(table, "items", reports, report => Plain(Count(report.Items)));
        AddRow(table, "produced", reports, report => Plain(Count(report.Produced)));
        AddRow(table, "consumed", reports, report => Plain(Count(report.Consumed)));
        AddRow(table, "lost", reports, report => Problem(report.Lost));
        AddRow(table, "duplicated", reports, report => Problem(report.Duplicated));
        AddRow(table, "in order", reports, report => Plain(report.InOrder switch { null => "n/a", true => "yes", false => "no" }));
        AddRow(table, "elapsed", reports, report => Plain($"{report.ElapsedMs.ToString("N1", Invariant)} ms"));
        AddRow(table, "throughput", reports, report => Plain($"{report.ItemsPerSecond.ToString("N0", Invariant)} items/s"));
        AddRow(table, "max buffer depth", reports, report => Plain(report.MaxBufferDepth is { } depth ? Count(depth) : "n/a"));
        AddRow(table, "result", reports, Outcome);

        // The headings go straight to the writer because Spectre would wrap a long path at the console width.
        output.WriteLine($"settings: {settingsDescription}");
        output.WriteLine($"workload: {workloadDescription}");
        console.Write(table);
    }

    private static void AddRow(Table table, string measure, IReadOnlyList<EngineReport> reports, Func<EngineReport, IRenderable> cell)
    {
        var cells = new List<IRenderable>(reports.Count + 1) { new Text(measure) };
        cells.AddRange(reports.Select(cell));
        table.AddRow(cells);
    }

    private static string Count(long value) => value.ToString("N0", Invariant);

    private static IRenderable Plain(string text) => new Text(text);

    /// <summary>Renders a count that must be zero, in red when it is not.</summary>
    private static IRenderable Problem(long value) =>
        value == 0 ? new Text("0") : new Markup($"[red]{Count(value)}[/]");

    private static IRenderable Outcome(EngineReport report)
    {
        if (!report.Completed)
        {
            return new Markup("[red]failed[/]");
        }

        return report.ExactlyOnce ? new Markup("[green]exactly once[/]") : new Markup("[red]lost or duplicated[/]");
    }
}
