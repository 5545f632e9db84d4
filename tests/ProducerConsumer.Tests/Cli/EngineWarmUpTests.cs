using System.Text.Json;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;
using ProducerConsumer.Threaded;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// The unmeasured runs before an engine's first measured run: how many there are, with what settings, and that the
/// measured run's report counts none of their items.
/// </summary>
public sealed class EngineWarmUpTests
{
    /// <summary>Shorter than any run, so a warm-up does exactly one round.</summary>
    private static readonly TimeSpan OneRound = TimeSpan.FromTicks(1);

    private static readonly PipelineSettings Shape =
        new(Capacity: 16, Producers: 2, Consumers: 3, MaxBatch: 8, new ItemWork(TimeSpan.FromMilliseconds(1), 0, false), ItemWork.None, Seed: 7);

    [Fact]
    public async Task WarmsUpAnEngineOnlyBeforeItsFirstRun()
    {
        var engine = new CountingEngine(new ThreadedEngine());
        var warmUp = new EngineWarmUp(OneRound);

        await warmUp.WarmUpAsync(engine, Shape, CancellationToken.None);
        await warmUp.WarmUpAsync(engine, Shape, CancellationToken.None);

        var round = Assert.Single(engine.Runs);
        Assert.Equal((16, 2, 3, 8, 7), (round.Capacity, round.Producers, round.Consumers, round.MaxBatch, round.Seed));
        Assert.True(round.ProducerWork.IsNone, $"the warm-up kept the producer work {round.ProducerWork}, which would make it slow");
    }

    [Fact]
    public async Task NoneRunsNothing()
    {
        var engine = new CountingEngine(new ThreadedEngine());

        await EngineWarmUp.None.WarmUpAsync(engine, Shape, CancellationToken.None);

        Assert.Empty(engine.Runs);
    }

    [Fact]
    public async Task FailedRoundEndsTheWarmUpQuietly()
    {
        var engine = new CountingEngine(new FakeEngine("threaded", FakeEngine.Behavior.Fail));

        await new EngineWarmUp(TimeSpan.FromMinutes(1)).WarmUpAsync(engine, Shape, CancellationToken.None);

        Assert.Single(engine.Runs);
    }

    [Fact]
    public async Task CancellationStopsTheWarmUp()
    {
        var engine = new FakeEngine("threaded", FakeEngine.Behavior.WaitForCancellation);
        using var cancellation = new CancellationTokenSource();

        var warmingUp = new EngineWarmUp(TimeSpan.FromMinutes(1)).WarmUpAsync(engine, Shape, cancellation.Token);
        await engine.Started.Task;
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
                WarmUp = new EngineWarmUp(OneRound),
                CreateEngine = (name, config) => engines.TryGetValue(name, out var engine) ? engine : engines[name] = new CountingEngine(EngineFactory.Create(name, config)),
            },
            CancellationToken.None,
            "compare", "--items", "10", "--json", json);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        Assert.All(engines.Values, engine => Assert.Equal(2, engine.Runs.Count));

        // The warm-up round moved 100,000 items; the report counts the measured run's 10 only.
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var report in document.RootElement.EnumerateArray())
        {
            Assert.Equal(10, report.GetProperty("consumed").GetInt64());
            Assert.Equal(10, report.GetProperty("latency").GetProperty("count").GetInt64());
        }
    }
}
