using ProducerConsumer.Cli.Reports;
using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Cli.Commands;

/// <summary>
/// The report files of one invocation: <c>--json</c>, <c>--report</c> and <c>--chart</c>. Each is written to a
/// temporary file, and all of them are moved into place only once every one was written, so a failure leaves the
/// previous files as they were.
/// </summary>
internal sealed class ResultFiles : IDisposable
{
    private readonly PendingFile? _json;

    private readonly PendingFile? _report;

    private readonly PendingFile? _chart;

    private ResultFiles(PendingFile? json, PendingFile? report, PendingFile? chart)
    {
        _json = json;
        _report = report;
        _chart = chart;
    }

    /// <summary>Checks each requested path and creates its temporary file.</summary>
    /// <exception cref="UsageException">A path is a directory, or its folder is missing or not writable.</exception>
    public static ResultFiles Create(string? json, string? report, string? chart, TemporaryFiles temporaryFiles)
    {
        var created = new List<PendingFile>(3);
        try
        {
            var jsonFile = Track(created, json is null ? null : PendingFile.Create(json, "--json", temporaryFiles));
            var reportFile = Track(created, report is null ? null : PendingFile.Create(report, "--report", temporaryFiles));
            var chartFile = Track(created, chart is null ? null : PendingFile.Create(chart, "--chart", temporaryFiles));
            return new ResultFiles(jsonFile, reportFile, chartFile);
        }
        catch
        {
            // A later path failed its check, so the temporary files of the earlier ones must go.
            created.ForEach(file => file.Dispose());
            throw;
        }
    }

    /// <summary>Writes every requested file from the results, then moves them all into place.</summary>
    /// <param name="results">One entry per scenario; the chart, which --all rejects, draws the first.</param>
    /// <exception cref="IOException">A file could not be written, or the chart could not be drawn.</exception>
    public void Write(IReadOnlyList<ScenarioResult> results)
    {
        if (_json is not null)
        {
            using var stream = _json.OpenWrite();
            JsonReport.Write(stream, [.. results.SelectMany(result => result.Reports)]);
        }

        if (_report is not null)
        {
            using var stream = _report.OpenWrite();
            MarkdownReport.Write(stream, results);
        }

        if (_chart is not null)
        {
            using var stream = _chart.OpenWrite();
            ChartImage.Write(stream, ChartImage.FormatOf(_chart.Target), results[0]);
        }

        _json?.Commit();
        _report?.Commit();
        _chart?.Commit();
    }

    public void Dispose()
    {
        _json?.Dispose();
        _report?.Dispose();
        _chart?.Dispose();
    }

    private static PendingFile? Track(List<PendingFile> created, PendingFile? file)
    {
        if (file is not null)
        {
            created.Add(file);
        }

        return file;
    }
}
