using System.Text.Json;
using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// Exit codes, messages and files for runs that lose, duplicate, fail or are cancelled; scripted with
/// <see cref="FakeEngine"/>, and cancelled on the real engines.
/// </summary>
public sealed class EngineOutcomeTests
{
    /// <summary>The longest a cancelled run may take to stop before the test fails instead of hanging.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ExactDeliveryExitsWithZero()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.txt");

        var run = await RunFakeAsync(FakeEngine.Behavior.Deliver, "run", "--impl", "actor", "--items", "100", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), File.ReadAllLines(output));
        Assert.Contains("exactly once", run.Stdout);
    }

    [Fact]
    public async Task LostItemExitsWithOne()
    {
        using var folder = new TempFolder();
        var json = folder.File("results.json");

        var run = await RunFakeAsync(FakeEngine.Behavior.DropFirst, "run", "--impl", "threaded", "--items", "100", "--json", json);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains("lost or duplicated", run.Stdout);
        var report = ReadSingleReport(json);
        Assert.Equal(1, report.GetProperty("lost").GetInt64());
        Assert.Equal(0, report.GetProperty("duplicated").GetInt64());
        Assert.Equal(99, report.GetProperty("consumed").GetInt64());
        Assert.Equal(100, report.GetProperty("produced").GetInt64());
        Assert.False(report.GetProperty("exactlyOnce").GetBoolean());
    }

    [Fact]
    public async Task DuplicateItemExitsWithOne()
    {
        using var folder = new TempFolder();
        var json = folder.File("results.json");

        var run = await RunFakeAsync(FakeEngine.Behavior.DuplicateFirst, "run", "--impl", "threaded", "--items", "100", "--json", json);

        Assert.Equal(1, run.ExitCode);
        var report = ReadSingleReport(json);
        Assert.Equal(0, report.GetProperty("lost").GetInt64());
        Assert.Equal(1, report.GetProperty("duplicated").GetInt64());
        Assert.Equal(101, report.GetProperty("consumed").GetInt64());
    }

    [Fact]
    public async Task FailedEngineExitsWithOne()
    {
        using var folder = new TempFolder();

        var run = await RunFakeAsync(
            FakeEngine.Behavior.Fail, "run", "--impl", "actor", "--output", folder.File("out.txt"), "--json", folder.File("results.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["error: the actor engine failed: consumer 0 stopped (InvalidOperationException: simulated fault). No --output or --json file was written."],
            run.ErrorLines);
        Assert.Contains("failed", run.Stdout);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public async Task CompareContinuesAfterFailure()
    {
        using var folder = new TempFolder();
        var engines = new List<string>();

        var run = await CliRun.StartAsync(
            environment => environment with
            {
                CreateEngine = (name, _) =>
                {
                    engines.Add(name);
                    return new FakeEngine(name, name == EngineFactory.Actor ? FakeEngine.Behavior.Fail : FakeEngine.Behavior.Deliver);
                },
            },
            CancellationToken.None,
            "compare", "--items", "50", "--json", folder.File("results.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["actor", "threaded"], engines);
        Assert.Single(run.ErrorLines);
        Assert.Contains("the actor engine failed", run.ErrorLines[0]);
        Assert.Contains("exactly once", run.Stdout);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public async Task CancelledRunExitsWith130()
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var engine = new FakeEngine("threaded", FakeEngine.Behavior.WaitForCancellation);

        var running = CliRun.StartAsync(
            environment => environment with { CreateEngine = (_, _) => engine },
            cancellation.Token,
            "run", "--impl", "threaded", "--output", folder.File("out.txt"), "--json", folder.File("results.json"));
        await engine.Started.Task.WaitAsync(StopTimeout);
        await cancellation.CancelAsync();
        var run = await running.WaitAsync(StopTimeout);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(["cancelled: the run stopped before it finished, so no output file was written."], run.ErrorLines);
        Assert.Equal("", run.Stdout);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public async Task AbandonedRunLeavesNoFile()
    {
        // POSIX signals only; the project's machines run Linux.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var engine = new FakeEngine("threaded", FakeEngine.Behavior.IgnoreCancellation);
        try
        {
            // The app's own signal handler is registered while the command runs, so SIGINT reaches it and not the test host.
            var running = CliRun.StartAsync(
                environment => environment with { CreateEngine = (_, _) => engine, ProcessTerminationTimeout = TimeSpan.FromMilliseconds(100) },
                CancellationToken.None,
                "run", "--impl", "threaded", "--output", folder.File("out.txt"), "--json", folder.File("results.json"));
            await engine.Started.Task.WaitAsync(StopTimeout);
            PosixSignals.Interrupt(Environment.ProcessId);
            var run = await running.WaitAsync(StopTimeout);

            Assert.Equal(130, run.ExitCode);
            Assert.Equal(["cancelled: the run did not stop within 0.1 s of the signal and was abandoned, so no output file was written."], run.ErrorLines);
            Assert.Empty(folder.FileNames());
        }
        finally
        {
            engine.Release();
        }
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("threaded")]
    public async Task RealEngineStopsOnCancel(string engineName)
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var created = new TaskCompletionSource<SignallingEngine>(TaskCreationOptions.RunContinuationsAsynchronously);

        // A slow consumer and a million items keep the run going far longer than the test waits.
        var running = CliRun.StartAsync(
            environment => environment with
            {
                CreateEngine = (name, config) =>
                {
                    var engine = new SignallingEngine(EngineFactory.Create(name, config));
                    created.SetResult(engine);
                    return engine;
                },
            },
            cancellation.Token,
            "run", "--impl", engineName, "--scenario", "slow-consumer", "--items", "1000000", "--json", folder.File("results.json"));
        if (await Task.WhenAny(created.Task, running).WaitAsync(StopTimeout) == running)
        {
            Assert.Fail($"the run ended before the engine was created: {(await running).Stderr}");
        }

        var engine = await created.Task;

        await engine.FirstRead.Task.WaitAsync(StopTimeout);
        await cancellation.CancelAsync();
        var run = await running.WaitAsync(StopTimeout);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(["cancelled: the run stopped before it finished, so no output file was written."], run.ErrorLines);
        Assert.Empty(folder.FileNames());
    }

    private static Task<CliRun> RunFakeAsync(FakeEngine.Behavior behavior, params string[] args) =>
        CliRun.StartAsync(environment => environment with { CreateEngine = (name, _) => new FakeEngine(name, behavior) }, CancellationToken.None, args);

    private static JsonElement ReadSingleReport(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return Assert.Single(document.RootElement.EnumerateArray().ToArray()).Clone();
    }
}
