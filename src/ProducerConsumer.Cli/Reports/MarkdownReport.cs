using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ProducerConsumer.Cli.Reports;

/// <summary>
/// Writes the comparison as a Markdown document for a design review: the settings, the side-by-side results, what
/// each engine does better by the numbers, each engine's fairness rule, and how the numbers are measured. With
/// several scenarios it starts with one summary line per scenario and engine, then gives each scenario a section.
/// </summary>
internal static class MarkdownReport
{
    public static void Write(Stream stream, IReadOnlyList<ScenarioResult> results)
    {
        var markdown = new StringBuilder();
        var title = results.Count == 1 ? results[0].Title : "all scenarios";
        markdown.Append("# Producer-consumer engine comparison: ").Append(Escape(title)).Append("\n\n");
        markdown.Append(CultureInfo.InvariantCulture, $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} processors, ");
        markdown.Append(CultureInfo.InvariantCulture, $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.\n\n");

        if (results.Count == 1)
        {
            WriteScenario(markdown, results[0], headingLevel: 2);
        }
        else
        {
            WriteSummary(markdown, results);
            foreach (var result in results)
            {
                markdown.Append("## ").Append(Escape(result.Title)).Append("\n\n");
                WriteScenario(markdown, result, headingLevel: 3);
            }
        }

        WriteFairnessRules(markdown, results.SelectMany(result => result.Reports).Select(report => report.Engine).Distinct());
        WriteMethod(markdown);

        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };
        writer.Write(markdown.ToString());
    }

    private static void WriteSummary(StringBuilder markdown, IReadOnlyList<ScenarioResult> results)
    {
        markdown.Append("## Summary\n\n");
        var headers = new List<string> { "scenario", "engine" };
        headers.AddRange(ScenarioSummaryTable.Columns.Select(column => column.Name));

        var rows = results.SelectMany(result => result.Reports.Select(report =>
        {
            var cells = new List<string> { Escape(result.Title), Escape(report.Engine) };
            cells.AddRange(ScenarioSummaryTable.Columns.Select(column => Emphasize(column, report)));
            return (IReadOnlyList<string>)cells;
        }));

        WriteTable(markdown, headers, rows, rightAlignedFrom: 2);
    }

    private static void WriteScenario(StringBuilder markdown, ScenarioResult result, int headingLevel)
    {
        var heading = new string('#', headingLevel);
        var reports = result.Reports;

        markdown.Append(heading).Append(" Settings\n\n");
        var settingRows = new List<IReadOnlyList<string>>
        {
            new[] { "settings files", Escape(result.SettingsDescription) },
            new[] { "workload", Escape(result.WorkloadDescription) },
            new[] { "seed", Units.Count(result.Pipeline.Seed) },
        };
        if (reports.Count > 0)
        {
            settingRows.AddRange(ReportMeasures.All.Where(measure => measure.IsSetting).Select(measure => (IReadOnlyList<string>)[measure.Name, Escape(measure.Format(reports[0]))]));
        }

        WriteTable(markdown, ["setting", "value"], settingRows, rightAlignedFrom: 2);

        markdown.Append(heading).Append(" Results\n\n");
        var resultRows = ReportMeasures.All
            .Where(measure => !measure.IsSetting)
            .Select(measure => (IReadOnlyList<string>)[measure.Name, .. reports.Select(report => Emphasize(measure, report))]);
        WriteTable(markdown, ["measure", .. reports.Select(report => report.Engine)], resultRows, rightAlignedFrom: 1);

        var notes = MetricsNotes.For(reports);
        foreach (var report in reports.Where(report => report.Error is not null))
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- The {report.Engine} engine failed: {Escape(report.Error!)}\n");
        }

        foreach (var note in notes)
        {
            markdown.Append("- Note: ").Append(Escape(note)).Append('\n');
        }

        if (notes.Count > 0 || reports.Any(report => report.Error is not null))
        {
            markdown.Append('\n');
        }

        markdown.Append(heading).Append(" What each engine does better\n\n");
        WriteFindings(markdown, EngineComparison.Compare(reports));
    }

    private static void WriteFindings(StringBuilder markdown, EngineComparison.Findings? findings)
    {
        if (findings is null)
        {
            markdown.Append("Fewer than two engines completed, so there is nothing to compare.\n\n");
            return;
        }

        foreach (var (engine, wins) in findings.Better)
        {
            var text = wins.Count == 0 ? "no measure by more than the margin below" : string.Join("; ", wins);
            markdown.Append(CultureInfo.InvariantCulture, $"- **{Escape(engine)}**: {Escape(text)}.\n");
        }

        if (findings.Same.Count > 0)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- **About the same**: {Escape(string.Join(", ", findings.Same))}.\n");
        }

        if (findings.Missing.Count > 0)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- **Not compared**, because an engine did not record it: {Escape(string.Join(", ", findings.Missing))}.\n");
        }

        markdown.Append(CultureInfo.InvariantCulture, $"\nEach line compares one run of each engine. A difference under {EngineComparison.SameWithin:P0} ");
        markdown.Append("(0.02 for Jain's index) counts as the same, and on a busy machine two runs of one engine can differ by more than that.\n\n");
    }

    private static void WriteFairnessRules(StringBuilder markdown, IEnumerable<string> engines)
    {
        markdown.Append("## Fairness rule per engine\n\n");
        foreach (var engine in engines)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- **{Escape(engine)}**: {Escape(FairnessRules.Of(engine))}\n");
        }

        markdown.Append('\n');
    }

    private static void WriteMethod(StringBuilder markdown)
    {
        markdown.Append("## How the numbers are measured\n\n");
        foreach (var line in MeasurementMethod.Lines)
        {
            markdown.Append("- ").Append(Escape(line)).Append('\n');
        }
    }

    /// <summary>
    /// Writes a table of cells that are Markdown already; columns from <paramref name="rightAlignedFrom"/> on are
    /// right-aligned, as numbers read best.
    /// </summary>
    private static void WriteTable(StringBuilder markdown, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int rightAlignedFrom)
    {
        markdown.Append("| ").AppendJoin(" | ", headers.Select(Escape)).Append(" |\n");
        markdown.Append('|').AppendJoin('|', headers.Select((_, i) => i >= rightAlignedFrom ? " ---: " : " --- ")).Append("|\n");
        foreach (var row in rows)
        {
            markdown.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        markdown.Append('\n');
    }

    /// <summary>Returns a cell as Markdown, in bold when it shows a problem: a lost or duplicated item, or a failed run.</summary>
    private static string Emphasize(Measure measure, EngineReport report)
    {
        var text = Escape(measure.Format(report));
        var isProblem = measure.Style switch
        {
            MeasureStyle.Problem => text != "0",
            MeasureStyle.Outcome => !report.ExactlyOnce,
            _ => false,
        };

        return isProblem ? $"**{text}**" : text;
    }

    /// <summary>
    /// Escapes the characters that would end a table cell or start emphasis by accident. Underscores stay, because
    /// they appear only inside words such as instrument names, where Markdown does not read them as emphasis.
    /// </summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
