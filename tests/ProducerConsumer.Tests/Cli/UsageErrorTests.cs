namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// Every invalid command line, settings file or input ends with exit code 2, one line on standard error that names
/// the value and the fix, nothing on standard output, and no file created or changed.
/// </summary>
public sealed class UsageErrorTests
{
    /// <summary>Files that the cases refer to as {folder}/NAME, written fresh for each case.</summary>
    private static readonly Dictionary<string, string> Fixtures = new()
    {
        ["unclosed.conf"] = "producer-consumer {\n  capacity = 4\n",
        ["stray-brace.conf"] = "producer-consumer {\n  capacity = 4\n}\n}\nakka.loglevel = DEBUG\n",
        ["double-comma.conf"] = "producer-consumer {\n  capacity = 4,,\n}\n",
        ["no-value.conf"] = "producer-consumer {\n  capacity =\n}\n",
        ["list-separator.conf"] = "producer-consumer.capacity = [=]\n",
        ["optional-substitution.conf"] = "producer-consumer.capacity = ${?CAPACITY}\n",
        ["unterminated-string.conf"] = "producer-consumer.capacity = \"4\n",
        ["include.conf"] = "include \"other.conf\"\n",
        ["capacity-text.conf"] = "producer-consumer.capacity = lots\n",
        ["capacity-zero.conf"] = "producer-consumer.capacity = 0\n",
        ["items-too-large.conf"] = "producer-consumer.items = 99999999999\n",
        ["unknown-key.conf"] = "producer-consumer.capacty = 4\n",
        ["unknown-section.conf"] = "producer_consumer.capacity = 4\n",
        ["section-as-value.conf"] = "producer-consumer = 4\n",
        ["bare-delay.conf"] = "producer-consumer.producer-work.delay = 5\n",
        ["negative-delay.conf"] = "producer-consumer.producer-work.delay = -1ms\n",
        ["fractional-delay.conf"] = "producer-consumer.consumer-work.delay = 1.5ms\n",
        ["word-delay.conf"] = "producer-consumer.consumer-work.delay = soon\n",
        ["negative-cpu.conf"] = "producer-consumer.consumer-work.cpu-iterations = -1\n",
        ["bad-random.conf"] = "producer-consumer.producer-work.random = maybe\n",
        ["unknown-work-key.conf"] = "producer-consumer.consumer-work.speed = 3\n",
        ["negative-burst.conf"] = "producer-consumer.producer-work { burst-size = -1, burst-pause = 5ms }\n",
        ["burst-without-pause.conf"] = "producer-consumer.producer-work.burst-size = 100\n",
        ["pause-without-burst.conf"] = "producer-consumer.consumer-work.burst-pause = 5ms\n",
        ["bare-pause.conf"] = "producer-consumer.producer-work { burst-size = 10, burst-pause = 5 }\n",
        ["lines.txt"] = "a\nb\n",
    };

    public static TheoryData<string, string[], string[]> Cases => new()
    {
        // Command line.
        { "unknown option", ["--capacty", "3"], ["unknown option '--capacty'", "did you mean '--capacity'", "producer-consumer --help"] },
        { "unknown command", ["runn"], ["unknown command 'runn'", "did you mean 'run'"] },
        { "extra argument", ["run", "--impl", "actor", "extra"], ["'extra'", "producer-consumer run --help"] },
        { "option without value", ["--capacity"], ["missing value for --capacity"] },
        { "option twice", ["--capacity", "3", "--capacity", "4"], ["--capacity is given 2 times", "Give it once"] },
        { "capacity not a number", ["--capacity", "abc"], ["'abc'", "--capacity", "whole number"] },
        { "capacity zero", ["--capacity", "0"], ["capacity 0", "--capacity", "Use 1 or more"] },
        { "producers zero", ["--producers", "0"], ["producers 0", "--producers", "Use 1 or more"] },
        { "consumers zero", ["--consumers", "0"], ["consumers 0", "--consumers", "Use 1 or more"] },
        { "items negative", ["--items", "-1"], ["items -1", "--items", "Use 0 or more"] },
        { "max-batch zero", ["--max-batch", "0"], ["max-batch 0", "--max-batch", "Use 1 or more"] },
        { "run without engine", ["run"], ["missing option --impl", "--impl actor", "--impl threaded"] },
        { "unknown engine", ["run", "--impl", "fibers"], ["'fibers'", "--impl", "actor or threaded"] },
        { "engine on compare", ["compare", "--impl", "actor"], ["'--impl'", "'run'"] },
        { "config and scenario", ["--config", "{folder}/capacity-zero.conf", "--scenario", "balanced"], ["--config", "--scenario", "Give one of them"] },
        { "items with input", ["--input", "{folder}/lines.txt", "--items", "5"], ["--items", "--input", "Remove --items"] },
        { "output with compare", ["--output", "{folder}/out.txt"], ["--output", "'run'", "--impl actor"] },
        { "json to stdout", ["--json", "-"], ["--json -", "Give a file path"] },
        { "empty output path", ["run", "--impl", "actor", "--output", ""], ["--output ''", "empty"] },
        { "empty config path", ["--config", " "], ["--config ' '", "empty"] },
        { "output same as json", ["run", "--impl", "actor", "--output", "{folder}/same.txt", "--json", "{folder}/same.txt"], ["same file as --output"] },
        { "output replaces input", ["run", "--impl", "actor", "--input", "{folder}/lines.txt", "--output", "{folder}/lines.txt"], ["--input", "Give another path"] },
        { "report replaces input", ["--input", "{folder}/lines.txt", "--report", "{folder}/lines.txt"], ["invalid --report", "--input file", "Give another path"] },
        { "report same as json", ["--json", "{folder}/same.txt", "--report", "{folder}/same.txt"], ["invalid --report", "same file as --json"] },
        { "chart same as report", ["--report", "{folder}/same.png", "--chart", "{folder}/same.png"], ["invalid --chart", "same file as --report"] },
        { "chart without extension", ["--chart", "{folder}/chart"], ["invalid --chart", "has no extension", ".png or .svg"] },
        { "chart as jpeg", ["--chart", "{folder}/chart.jpg"], ["invalid --chart", "ends in .jpg", ".png or .svg"] },
        { "empty report path", ["--report", ""], ["--report ''", "empty"] },
        { "report to stdout", ["--report", "-"], ["--report -", "Give a file path"] },
        { "all with run", ["run", "--impl", "actor", "--all"], ["--all works only with 'compare'", "compare --all"] },
        { "all with scenario", ["compare", "--all", "--scenario", "balanced"], ["--all cannot be combined with --scenario"] },
        { "all with config", ["--all", "--config", "{folder}/capacity-zero.conf"], ["--all cannot be combined with --config"] },
        { "all with input", ["--all", "--input", "{folder}/lines.txt"], ["--all cannot be combined with --input"] },
        { "all with chart", ["--all", "--chart", "{folder}/chart.png"], ["--chart", "--scenario NAME"] },

        // Settings files.
        { "config not found", ["--config", "{folder}/missing.conf"], ["not found", "missing.conf", "--config"] },
        { "config is a directory", ["--config", "{folder}/a-directory"], ["a-directory", "is a directory"] },
        { "unclosed brace", ["--config", "{folder}/unclosed.conf"], ["unclosed.conf", "'{' at line 1", "never closed"] },
        { "stray brace", ["--config", "{folder}/stray-brace.conf"], ["stray-brace.conf", "unexpected '}' at line 4"] },
        { "parser error", ["--config", "{folder}/double-comma.conf"], ["double-comma.conf", "line 2"] },
        { "key without value", ["--config", "{folder}/no-value.conf"], ["no-value.conf", "producer-consumer.capacity has no value"] },
        { "separator in list", ["--config", "{folder}/list-separator.conf"], ["list-separator.conf", "unexpected '='"] },
        { "optional substitution", ["--config", "{folder}/optional-substitution.conf"], ["optional-substitution.conf", "${?"] },
        { "unterminated string", ["--config", "{folder}/unterminated-string.conf"], ["unterminated-string.conf", "not closed"] },
        { "include", ["--config", "{folder}/include.conf"], ["include.conf", "include", "not supported"] },
        { "capacity text in file", ["--config", "{folder}/capacity-text.conf"], ["producer-consumer.capacity", "'lots'", "whole number"] },
        { "capacity zero in file", ["--config", "{folder}/capacity-zero.conf"], ["capacity 0", "producer-consumer.capacity in", "capacity-zero.conf"] },
        { "items out of range", ["--config", "{folder}/items-too-large.conf"], ["producer-consumer.items", "out of range"] },
        { "unknown key", ["--config", "{folder}/unknown-key.conf"], ["producer-consumer.capacty", "did you mean 'capacity'"] },
        { "unknown section", ["--config", "{folder}/unknown-section.conf"], ["producer_consumer", "did you mean 'producer-consumer'"] },
        { "value for section", ["--config", "{folder}/section-as-value.conf"], ["producer-consumer", "expected a section"] },
        { "delay without unit", ["--config", "{folder}/bare-delay.conf"], ["producer-consumer.producer-work.delay", "'5'", "no unit", "5ms"] },
        { "negative delay", ["--config", "{folder}/negative-delay.conf"], ["producer-consumer.producer-work.delay", "'-1ms'", "negative"] },
        { "fractional delay", ["--config", "{folder}/fractional-delay.conf"], ["producer-consumer.consumer-work.delay", "'1.5ms'", "whole number of milliseconds"] },
        { "delay not a duration", ["--config", "{folder}/word-delay.conf"], ["producer-consumer.consumer-work.delay", "'soon'", "not a duration"] },
        { "negative cpu iterations", ["--config", "{folder}/negative-cpu.conf"], ["producer-consumer.consumer-work.cpu-iterations", "-1", "negative"] },
        { "random not a switch", ["--config", "{folder}/bad-random.conf"], ["producer-consumer.producer-work.random", "'maybe'", "on or off"] },
        { "unknown work key", ["--config", "{folder}/unknown-work-key.conf"], ["producer-consumer.consumer-work.speed", "delay, cpu-iterations, random, burst-size, burst-pause"] },
        { "negative burst size", ["--config", "{folder}/negative-burst.conf"], ["producer-consumer.producer-work.burst-size", "-1", "negative"] },
        { "burst without pause", ["--config", "{folder}/burst-without-pause.conf"], ["producer-consumer.producer-work.burst-size", "burst of 100 items", "burst-pause to 1ms or more"] },
        { "pause without burst", ["--config", "{folder}/pause-without-burst.conf"], ["producer-consumer.consumer-work.burst-pause", "pause of 5ms", "burst-size"] },
        { "pause without unit", ["--config", "{folder}/bare-pause.conf"], ["producer-consumer.producer-work.burst-pause", "'5'", "no unit"] },
        { "unknown scenario", ["--scenario", "slow-consumers"], ["'slow-consumers'", "not found", "did you mean 'slow-consumer'", "Available scenarios"] },
        { "scenario outside folder", ["--scenario", "../default"], ["invalid scenario name '../default'", "--config"] },

        // Input and output files.
        { "input not found", ["--input", "{folder}/missing.txt"], ["input file not found", "missing.txt", "--input"] },
        { "input is a directory", ["--input", "{folder}/a-directory"], ["--input", "a-directory", "is a directory"] },
        { "output folder missing", ["run", "--impl", "threaded", "--output", "{folder}/no-such-folder/out.txt"], ["--output", "no-such-folder", "not found"] },
        { "output is a directory", ["run", "--impl", "threaded", "--output", "{folder}/a-directory"], ["--output", "a-directory", "is a directory"] },
        { "json is a directory", ["--json", "{folder}/a-directory"], ["--json", "a-directory", "is a directory"] },
        { "report is a directory", ["--report", "{folder}/a-directory"], ["--report", "a-directory", "is a directory"] },
        { "chart folder missing", ["--chart", "{folder}/no-such-folder/chart.svg"], ["--chart", "no-such-folder", "not found"] },
        { "chart invalid after report", ["--report", "{folder}/review.md", "--chart", "{folder}/no-such-folder/chart.png"], ["--chart", "not found"] },
        { "json invalid after output", ["run", "--impl", "actor", "--output", "{folder}/out.txt", "--json", "{folder}/a-directory"], ["--json", "is a directory"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InvalidInvocationPrintsOneLine(string name, string[] args, string[] fragments)
    {
        using var folder = new TempFolder();
        foreach (var (file, content) in Fixtures)
        {
            folder.Write(file, content);
        }

        Directory.CreateDirectory(folder.File("a-directory"));
        var before = folder.FileNames();

        var run = await CliRun.StartAsync([.. args.Select(arg => arg.Replace("{folder}", folder.Path, StringComparison.Ordinal))]);

        Assert.True(run.ExitCode == 2, $"{name}: exit code {run.ExitCode}, stderr: {run.Stderr}");
        Assert.True(run.ErrorLines.Count == 1, $"{name}: expected one stderr line, got: {run.Stderr}");
        Assert.StartsWith("error: ", run.ErrorLines[0]);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, run.ErrorLines[0]);
        }

        Assert.Equal("", run.Stdout);
        Assert.Equal(before, folder.FileNames());
    }

    [Fact]
    public async Task InvalidInvocationKeepsPreviousOutput()
    {
        using var folder = new TempFolder();
        var output = folder.Write("out.txt", "previous output\n");
        var json = folder.Write("results.json", "[]");

        var run = await CliRun.StartAsync("run", "--impl", "threaded", "--output", output, "--json", json, "--capacity", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous output\n", File.ReadAllText(output));
        Assert.Equal("[]", File.ReadAllText(json));
        Assert.Equal(["out.txt", "results.json"], folder.FileNames());
    }

    [Fact]
    public async Task MissingDefaultKeyIsReported()
    {
        using var folder = new TempFolder();
        var defaults = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "default.conf"));
        var withoutCapacity = string.Join('\n', defaults.Split('\n').Where(line => !line.TrimStart().StartsWith("capacity", StringComparison.Ordinal)));
        folder.Write("default.conf", withoutCapacity);

        var run = await CliRun.StartAsync(environment => environment with { SettingsFolder = folder.Path }, CancellationToken.None, "--quiet");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("missing setting producer-consumer.capacity", run.ErrorLines[0]);
        Assert.Contains(Path.Combine(folder.Path, "default.conf"), run.ErrorLines[0]);
    }

    [Fact]
    public async Task MissingDefaultFileIsReported()
    {
        using var folder = new TempFolder();

        var run = await CliRun.StartAsync(environment => environment with { SettingsFolder = folder.Path }, CancellationToken.None, "--quiet");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains($"settings file not found: {Path.Combine(folder.Path, "default.conf")}", run.ErrorLines[0]);
    }
}
