using System.Text.Json;

namespace ProducerConsumer.Tests.Cli;

/// <summary>The --report and --chart files of real runs: their content, their format, and that they are written only whole.</summary>
public sealed class ReportFilesTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task CompareWritesReportChartAndJson()
    {
        using var folder = new TempFolder();
        var report = folder.File("review.md");
        var chart = folder.File("review.png");
        var json = folder.File("review.json");

        var run = await CliRun.StartAsync("compare", "--items", "3000", "--report", report, "--chart", chart, "--json", json, "--quiet");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        Assert.Equal(["review.json", "review.md", "review.png"], folder.FileNames());

        var markdown = File.ReadAllText(report);
        Assert.Contains("| measure | actor | threaded |", markdown);
        Assert.Contains("| items | 3,000 | 3,000 |", markdown);
        Assert.Contains("| result | exactly once | exactly once |", markdown);
        foreach (var row in (string[])["| latency p50 |", "| latency p99 |", "| producer wait total |", "| consumer wait total |", "| mean buffer depth |", "| producer fairness (Jain) |", "| peak working set |"])
        {
            Assert.Contains(row, markdown);
        }

        Assert.Contains("## What each engine does better", markdown);
        Assert.Contains("## Fairness rule per engine", markdown);

        Assert.Equal(PngSignature, File.ReadAllBytes(chart)[..PngSignature.Length]);

        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task SvgChartIsSvg()
    {
        using var folder = new TempFolder();
        var chart = folder.File("depth.SVG");

        var run = await CliRun.StartAsync("run", "--impl", "threaded", "--items", "1000", "--chart", chart, "--quiet");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        var svg = File.ReadAllText(chart);
        Assert.Contains("<svg", svg);
        Assert.EndsWith("</svg>", svg.TrimEnd());
    }

    [Fact]
    public async Task FailedRunKeepsPreviousReport()
    {
        using var folder = new TempFolder();
        var report = folder.Write("review.md", "previous report");
        var chart = folder.Write("review.png", "previous chart");

        var run = await CliRun.StartAsync(
            environment => environment with { CreateEngine = (name, _) => new FakeEngine(name, FakeEngine.Behavior.Fail) },
            CancellationToken.None,
            "run", "--impl", "actor", "--report", report, "--chart", chart);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error: the actor engine failed: consumer 0 stopped (InvalidOperationException: simulated fault). No --report or --chart file was written."], run.ErrorLines);
        Assert.Equal("previous report", File.ReadAllText(report));
        Assert.Equal("previous chart", File.ReadAllText(chart));
        Assert.Equal(["review.md", "review.png"], folder.FileNames());
    }

    [Fact]
    public async Task TableShowsNewMeasures()
    {
        var run = await CliRun.StartAsync("compare", "--items", "3000");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        foreach (var row in (string[])["latency p95", "producer wait p95", "consumer share min-max", "GC gen0/gen1/gen2"])
        {
            Assert.Contains(row, run.Stdout);
        }
    }
}
