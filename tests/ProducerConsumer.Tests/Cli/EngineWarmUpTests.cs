using System.Text.Json;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// The unmeasured runs before an engine's first measured run: how many there are, with what settings, and that the
/// measured run's report counts none of their items.
/// </summary>
public sealed class EngineWarmUpTests
{
    /// <summary>Long enough for a few rounds of the fake engine, short enough for a unit test.</summary>
    private static readonly TimeSpan ShortWarmUp = TimeSpan.FromMilliseconds(50);

    /// <summary>The measured run's item count.</summary>
    private const long Items = 100_000;

    private static readonly PipelineSettings Shape =
        new(Capacity: 16, Producers: 2, Consumers: 3, MaxBatch: 8, new ItemWork(TimeSpan.Zero, 10, false), ItemWork.None, Seed: 7);

    [Fact]
    public async Task WarmsUpOnlyBeforeTheFirstRun()
    {
        var engine = new CountingEngine(new FakeEngine("threaded", FakeEngine.Behavior.Deliver));
        var warmUp = new EngineWarmUp(ShortWarmUp);

        await warmUp.WarmUpAsync(engine, Shape, Items, CancellationToken.None);
        var rounds = engine.Runs.Count;
        await warmUp.WarmUpAsync(engine, Shape, Items, CancellationToken.None);

        Assert.True(rounds > 0, "the first warm-up ran no round");
        Assert.Equal(rounds, engine.Runs.Count);
    }

    [Fact]
    public async Task RoundsKeepTheRunsSettings()
    {
        var engine = new CountingEngine(new FakeEngine("threaded", FakeEngine.Behavior.Deliver));

        await new EngineWarmUp(ShortWarmUp).WarmUpAsync(engine, Shape with { RunId = "measured" }, Items, CancellationToken.None);

        // The simulated work stays, so the warm-up runs the same code as the measured run. The run id is left out.
        Assert.NotEmpty(engine.Runs);
        Assert.All(engine.Runs, round => Assert.Equal(Shape, round));
    }

    [Fact]
    public async Task RoundsStayWithinMeasuredItems()
    {
        var engine = new CountingEngine(new FakeEngine("threaded", FakeEngine.Behavior.Deliver));

        await new EngineWarmUp(ShortWarmUp).WarmUpAsync(engine, Shape, items: 10, CancellationToken.None);

        Assert.NotEmpty(engine.Produced);
        Assert.All(engine.Produced, produced => Assert.Equal(10, produced));
    }

    [Fact]
    public async Task NoneRunsNothing()
    {
        var engine = new CountingEngine(new FakeEngine("threaded", FakeEngine.Behavior.Deliver));

        await EngineWarmUp.None.WarmUpAsync(engine, Shape, Items, CancellationToken.None);

        Assert.Empty(engine.Runs);
    }

    [Fact]
    public async Task FailedRoundEndsTheWarmUpQuietly()
    {
        var engine = new CountingEngine(new FakeEngine("threaded", FakeEngine.Behavior.Fail));

        await new EngineWarmUp(TimeSpan.FromMinutes(1)).WarmUpAsync(engine, Shape, Items, CancellationToken.None);

        Assert.Single(engine.Runs);
    }

    [Fact]
    public async Task DeadlineCancelsASlowRound()
    {
        var engine = new CountingEngine(new FakeEngine("threaded", FakeEngine.Behavior.WaitForCancellation));

        await new EngineWarmUp(ShortWarmUp).WarmUpAsync(engine, Shape, Items, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(engine.Runs);
    }

    [Fact]
    public async Task CancellationStopsTheWarmUp()
    {
        var engine = new FakeEngine("threaded", FakeEngine.Behavior.WaitForCancellation);
        using var cancellation = new CancellationTokenSource();

        var warmingUp = new EngineWarmUp(TimeSpan.FromMinutes(1)).WarmUpAsync(engine, Shape, Items, cancellation.Token);
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => warmingUp);
    }

    [Fact]
    public async Task CompareReportsOnlyTheMeasuredRun()
    {
        using var folder = new TempFolder();
        var json = folder.File("results.json");
        var engines = new Dictionary<string, CountingEngine>();

        var run = await CliRun.StartAsync(
            environment => environment with
            {
                WarmUp = new EngineWarmUp(ShortWarmUp),
                CreateEngine = (name, config) => engines.TryGetValue(name, out var engine) ? engine : engines[name] = new CountingEngine(EngineFactory.Create(name, config)),
            },
            CancellationToken.None,
            "compare", "--items", "10", "--json", json);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        Assert.Equal(["actor", "threaded"], engines.Keys.Order());
        Assert.All(engines.Values, engine => Assert.True(engine.Runs.Count >= 2, $"{engine.Name}: {engine.Runs.Count} runs, expected a warm-up and the measured run"));

        // Each warm-up round moves up to 100,000 items; the report counts the measured run's 10 only.
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var report in document.RootElement.EnumerateArray())
        {
            Assert.Equal(10, report.GetProperty("consumed").GetInt64());
            Assert.Equal(10, report.GetProperty("latency").GetProperty("count").GetInt64());
        }
    }
}
