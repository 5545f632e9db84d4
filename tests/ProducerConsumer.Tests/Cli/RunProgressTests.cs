using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Cli.Settings;
using Spectre.Console;

namespace ProducerConsumer.Tests.Cli;

/// <summary>The progress display: what a frame shows, and when no display appears at all.</summary>
public sealed class RunProgressTests
{
    /// <summary>The longest a test waits for a frame before it fails instead of hanging.</summary>
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FrameShowsItemsRateAndDepth()
    {
        var writer = new SignallingWriter("items/s");
        using var collector = new RunMetricsCollector("actor", producers: 1, consumers: 1);

        // The run ends only once a frame was drawn, so the test does not depend on timing.
        var run = ReturnAfterAsync(writer.MarkerWritten.Task, 42);
        var result = await RunProgress.TrackAsync(Terminal(writer), TimeSpan.Zero, "balanced: actor", 1_000, collector, run);

        Assert.Equal(42, result);
        Assert.Contains("balanced: actor: 0 of 1,000 items, 0 items/s, depth n/a", writer.ToString());
    }

    [Fact]
    public async Task FinishedRunShowsNothing()
    {
        var writer = new StringWriter();
        using var collector = new RunMetricsCollector("actor", producers: 1, consumers: 1);

        var result = await RunProgress.TrackAsync(Terminal(writer), TimeSpan.Zero, "actor", 1_000, collector, Task.FromResult(7));

        Assert.Equal(7, result);
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void DescriptionHasRateAndDepth()
    {
        var text = RunProgress.Describe("actor", 2_500_000, 5_000_000, TimeSpan.FromSeconds(2), 64);

        Assert.Equal("actor: 2,500,000 of 5,000,000 items, 1.25 M items/s, depth 64", text);
    }

    [Fact]
    public async Task RunShowsProgressOnTerminal()
    {
        var progress = new SignallingWriter("items/s");
        var engine = new FakeEngine("actor", FakeEngine.Behavior.Deliver) { Gate = progress.MarkerWritten.Task.WaitAsync(FrameTimeout) };

        var run = await CliRun.StartAsync(
            environment => environment with { CreateEngine = (_, _) => engine, ProgressConsole = Terminal(progress), ProgressDelay = TimeSpan.Zero },
            CancellationToken.None,
            "run", "--impl", "actor", "--items", "100");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        Assert.Contains("actor: 0 of 100 items", progress.ToString());
        Assert.DoesNotContain("items/s, depth", run.Stdout);
    }

    [Fact]
    public void QuietRunHasNoProgress()
    {
        var environment = CliEnvironment.Create(new StringWriter(), new StringWriter()) with { ProgressConsole = Terminal(new StringWriter()) };
        var quiet = RunSettingsResolver.Resolve(new CommandLineArguments { Quiet = true }, SettingsFolder.Shipped);
        var loud = RunSettingsResolver.Resolve(new CommandLineArguments(), SettingsFolder.Shipped);

        Assert.Null(EngineRunner.ProgressConsoleFor(quiet, environment));
        Assert.Same(environment.ProgressConsole, EngineRunner.ProgressConsoleFor(loud, environment));
    }

    [Fact]
    public void RedirectedOutputHasNoProgress()
    {
        var environment = CliEnvironment.Create(new StringWriter(), new StringWriter());

        Assert.Null(environment.ProgressConsole);
    }

    /// <summary>Returns a console that behaves as an interactive terminal but writes to <paramref name="writer"/>.</summary>
    private static IAnsiConsole Terminal(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });

    private static async Task<int> ReturnAfterAsync(Task signal, int result)
    {
        await signal.WaitAsync(FrameTimeout);
        return result;
    }
}
