using System.Text;
using System.Text.Json;

namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// A text input passes through each real engine and comes back in --output line for line: the same multiset of
/// lines always, and the same order with one producer and one consumer.
/// </summary>
public sealed class LineRoundTripTests
{
    /// <summary>The seed of the generated lines; a failure message repeats it.</summary>
    private const int Seed = 20_260_412;

    private const int LineCount = 100_000;

    private static readonly string[] Lines = RandomLines.Create(Seed, LineCount);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Theory]
    [InlineData("actor")]
    [InlineData("threaded")]
    public async Task OnePairKeepsOrder(string engine)
    {
        using var folder = new TempFolder();
        var input = WriteInput(folder);
        var output = folder.File("out.txt");

        var run = await CliRun.StartAsync("run", "--impl", engine, "--producers", "1", "--consumers", "1", "--input", input, "--output", output);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, seed {Seed}, stderr: {run.Stderr}");
        Assert.Matches(@"in order\W+yes", run.Stdout);
        AssertSameLines(ReadOutput(output), ordered: true);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("threaded")]
    public async Task ManyWorkersKeepEveryLine(string engine)
    {
        using var folder = new TempFolder();
        var input = WriteInput(folder);
        var output = folder.File("out.txt");

        var run = await CliRun.StartAsync("run", "--impl", engine, "--producers", "2", "--consumers", "3", "--capacity", "16", "--input", input, "--output", output);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, seed {Seed}, stderr: {run.Stderr}");
        AssertSameLines(ReadOutput(output), ordered: false);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("threaded")]
    public async Task StandardInputRoundTrips(string engine)
    {
        using var folder = new TempFolder();
        var output = folder.File("out.txt");

        var run = await CliRun.StartAsync(
            CliRun.WithStandardInput(RandomLines.ToText(Lines)),
            CancellationToken.None,
            "run", "--impl", engine, "--producers", "1", "--consumers", "1", "--input", "-", "--output", output);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, seed {Seed}, stderr: {run.Stderr}");
        Assert.Contains("lines from standard input", run.Stdout);
        AssertSameLines(ReadOutput(output), ordered: true);
        Assert.Equal(["out.txt"], folder.FileNames());
    }

    [Fact]
    public async Task CompareReadsInputPerEngine()
    {
        using var folder = new TempFolder();
        var input = WriteInput(folder);
        var json = folder.File("results.json");

        var run = await CliRun.StartAsync("compare", "--input", input, "--json", json, "--quiet");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, seed {Seed}, stderr: {run.Stderr}");
        Assert.Equal("", run.Stdout);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var reports = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, reports.Length);
        foreach (var report in reports)
        {
            Assert.Equal(LineCount, report.GetProperty("items").GetInt64());
            Assert.Equal(LineCount, report.GetProperty("consumed").GetInt64());
            Assert.Equal(0, report.GetProperty("lost").GetInt64());
        }
    }

    private static string WriteInput(TempFolder folder)
    {
        var path = folder.File("input.txt");
        File.WriteAllText(path, RandomLines.ToText(Lines), Utf8);
        return path;
    }

    /// <summary>Reads the output file and splits it at '\n', checking that every line, the last included, ends with one.</summary>
    private static string[] ReadOutput(string path)
    {
        var text = File.ReadAllText(path, Utf8);
        Assert.True(text.EndsWith('\n'), $"the output does not end with a newline (seed {Seed})");
        return text[..^1].Split('\n');
    }

    private static void AssertSameLines(string[] actual, bool ordered)
    {
        Assert.True(actual.Length == Lines.Length, $"{actual.Length} output lines for {Lines.Length} input lines (seed {Seed})");

        var expected = ordered ? Lines : [.. Lines.Order(StringComparer.Ordinal)];
        var received = ordered ? actual : [.. actual.Order(StringComparer.Ordinal)];
        for (var i = 0; i < expected.Length; i++)
        {
            if (!string.Equals(expected[i], received[i], StringComparison.Ordinal))
            {
                Assert.Fail($"{(ordered ? "line" : "sorted line")} {i} differs (seed {Seed}): expected \"{expected[i]}\", got \"{received[i]}\"");
            }
        }
    }
}
