using System.Globalization;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProducerConsumer.Tests.Engines;

/// <summary>
/// The behaviour every <see cref="IPipelineEngine"/> must show: delivery exactly once, order with one producer and
/// one consumer, termination, a buffer within its capacity, failure instead of a hang, and cancellation. A subclass
/// supplies the engine and may add a check after each successful run.
/// </summary>
public abstract class EngineBehaviourTests
{
    /// <summary>The environment variable that fixes the stress test's seed, so a failed run can be repeated.</summary>
    public const string StressSeedVariable = "PC_STRESS_SEED";

    /// <summary>The longest any run may take before the test fails, so a deadlock fails instead of hanging.</summary>
    protected static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Random pipeline shapes the stress test runs per seed.</summary>
    private const int StressCases = 40;

    private readonly ITestOutputHelper _output;

    protected EngineBehaviourTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Creates the engine under test. The suite calls it once per run.</summary>
    protected abstract IPipelineEngine CreateEngine();

    /// <summary>
    /// Runs after every run that ended without an exception, before the test checks the run. Failed and cancelled
    /// runs skip it, because items in flight may be dropped there by design.
    /// </summary>
    protected virtual Task AfterRunAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(1)]
    [InlineData(PipelineSettings.DefaultMaxBatch)]
    public async Task OneProducerOneConsumer_DeliversInOrder(int maxBatch)
    {
        // Item 0 is default(int), so a value mistaken for an end-of-stream signal would show up as a lost item.
        const int items = 10_000;
        var settings = PipelineSettings.Create(capacity: 8, producers: 1, consumers: 1, maxBatch);
        var sink = new LedgerSink();

        var run = await RunAsync(settings, new GeneratedIntegerSource(items), sink);

        AssertExactlyOnce(sink.Ledger, run, items, $"the run with {settings}");
        Assert.True(sink.Ledger.InOrder, $"Items arrived out of order in the run with {settings}.");
    }

    [Fact]
    public async Task Run_ReportsEngineSettingsAndElapsed()
    {
        var settings = PipelineSettings.Create(capacity: 4, producers: 2, consumers: 3);

        var run = await RunAsync(settings, new GeneratedIntegerSource(1_000), new LedgerSink());

        Assert.Equal(CreateEngine().Name, run.Engine);
        Assert.Equal(settings, run.Settings);
        Assert.True(run.Elapsed > TimeSpan.Zero, $"The elapsed time {run.Elapsed} is not positive.");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    public async Task CapacityOne_DeliversExactlyOnce(int producers, int consumers)
    {
        const int items = 5_000;
        var settings = PipelineSettings.Create(capacity: 1, producers, consumers);
        var sink = new LedgerSink();

        var run = await RunAsync(settings, new GeneratedIntegerSource(items), sink);

        AssertExactlyOnce(sink.Ledger, run, items, $"the run with {settings}");
        Assert.Equal(1, run.MaxBufferDepth);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    public async Task EmptySource_EndsWithNothingConsumed(int producers, int consumers)
    {
        var settings = PipelineSettings.Create(capacity: 4, producers, consumers);
        var sink = new LedgerSink();

        var run = await RunAsync(settings, new GeneratedIntegerSource(0), sink);

        Assert.Equal(0, run.Produced);
        Assert.Equal(0, run.Consumed);
        Assert.Equal(0, run.MaxBufferDepth);
        Assert.Equal(0, sink.Ledger.Recorded);
    }

    [Theory]
    [InlineData(4, 3, 16)]
    [InlineData(1, 4, 2)]
    [InlineData(4, 1, 2)]
    public async Task SeveralProducersAndConsumers_DeliverExactlyOnce(int producers, int consumers, int capacity)
    {
        const int items = 50_000;
        var settings = PipelineSettings.Create(capacity, producers, consumers);
        var sink = new LedgerSink();

        var run = await RunAsync(settings, new GeneratedIntegerSource(items), sink);

        AssertExactlyOnce(sink.Ledger, run, items, $"the run with {settings}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(32)]
    public async Task MaxBufferDepth_ReachesButNeverExceedsCapacity(int capacity)
    {
        // Consumers that burn CPU per item fall behind producers that do nothing, so the buffer fills up.
        const int items = 2_000;
        var slowConsumers = new ItemWork(TimeSpan.Zero, CpuIterations: 5_000, Random: false);
        var settings = PipelineSettings.Create(capacity, producers: 3, consumers: 2) with { ConsumerWork = slowConsumers };
        var sink = new LedgerSink();

        var run = await RunAsync(settings, new GeneratedIntegerSource(items), sink);

        AssertExactlyOnce(sink.Ledger, run, items, $"the run with {settings}");
        Assert.True(run.MaxBufferDepth <= capacity, $"The buffer held {run.MaxBufferDepth} items at once, above its capacity {capacity}.");
        Assert.True(run.MaxBufferDepth == capacity, $"The buffer never filled: max depth {run.MaxBufferDepth}, capacity {capacity}.");
    }

    [Fact]
    public async Task LineWorkload_OneProducerOneConsumer_ReproducesText()
    {
        var lines = SampleLines(3_000);
        var settings = PipelineSettings.Create(capacity: 8, producers: 1, consumers: 1);
        using var reader = new StringReader(string.Join("\n", lines) + "\n");
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var sink = new LineSink(writer);

        var run = await RunAsync(settings, new LineSource(reader), sink);

        AssertExactlyOnce(sink.Ledger, run, lines.Length, $"the run with {settings}");
        Assert.Equal(string.Concat(lines.Select(line => line + writer.NewLine)), writer.ToString());
    }

    [Fact]
    public async Task LineWorkload_SeveralConsumers_WriteEveryLineOnce()
    {
        var lines = SampleLines(3_000);
        var settings = PipelineSettings.Create(capacity: 4, producers: 3, consumers: 3);
        using var reader = new StringReader(string.Join("\n", lines) + "\n");
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var sink = new LineSink(writer);

        var run = await RunAsync(settings, new LineSource(reader), sink);

        AssertExactlyOnce(sink.Ledger, run, lines.Length, $"the run with {settings}");
        var written = writer.ToString().Split(writer.NewLine)[..^1];
        Assert.Equal(lines.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ThrowingSink_FailsRun()
    {
        // The source never ends, so only the failure can stop the run. Capacity 2 and three producers keep
        // producers blocked on a full buffer when the sink throws.
        var settings = PipelineSettings.Create(capacity: 2, producers: 3, consumers: 2);
        var failure = new InvalidOperationException("The test sink rejects item 500.");
        var written = 0;
        var sink = new CallbackSink<int>(new LedgerSink(), _ =>
        {
            if (Interlocked.Increment(ref written) == 500)
            {
                throw failure;
            }
        });

        var error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => RunAsync(settings, new GeneratedIntegerSource(int.MaxValue), sink));

        Assert.Contains(failure, InnerExceptions(error));
    }

    [Fact]
    public async Task ThrowingSource_FailsRun()
    {
        // The source never ends, so only the failure can stop the producers that did not throw.
        var settings = PipelineSettings.Create(capacity: 2, producers: 2, consumers: 3);
        var failure = new InvalidOperationException("The test source fails on read 20.");
        var reads = 0;
        var source = new CallbackSource<int>(new GeneratedIntegerSource(int.MaxValue), () =>
        {
            if (Interlocked.Increment(ref reads) == 20)
            {
                throw failure;
            }
        });

        var error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => RunAsync(settings, source, new LedgerSink()));

        Assert.Contains(failure, InnerExceptions(error));
    }

    [Fact]
    public async Task Cancellation_EndsRunCancelled()
    {
        // The source never ends, so only the cancellation can stop the run.
        var settings = PipelineSettings.Create(capacity: 4, producers: 2, consumers: 2);
        using var cancellation = new CancellationTokenSource();
        var written = 0;
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new CallbackSink<int>(new LedgerSink(), _ =>
        {
            if (Interlocked.Increment(ref written) == 1_000)
            {
                running.TrySetResult();
            }
        });

        var run = RunAsync(settings, new GeneratedIntegerSource(int.MaxValue), sink, cancellation.Token);
        await Task.WhenAny(running.Task, run).WaitAsync(RunTimeout);
        Assert.True(running.Task.IsCompleted, "The run ended before 1000 items were written.");
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task CancelledToken_EndsRunCancelled()
    {
        var settings = PipelineSettings.Create(capacity: 4, producers: 2, consumers: 2);
        var cancelled = new CancellationToken(canceled: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => RunAsync(settings, new GeneratedIntegerSource(1_000), new LedgerSink(), cancelled));
    }

    [Fact]
    public async Task RunAsync_ReturnsBeforeRunEnds()
    {
        const int items = 100;
        var settings = PipelineSettings.Create(capacity: 4, producers: 2, consumers: 2);
        using var gate = new ManualResetEventSlim();
        var source = new CallbackSource<int>(new GeneratedIntegerSource(items), () => gate.Wait(RunTimeout));
        var sink = new LedgerSink();
        var engine = CreateEngine();

        // The call runs on a pool thread, so an engine that blocks its caller until the end fails here, not hangs.
        var calling = Task.Factory.StartNew(
            () => engine.RunAsync(settings, source, sink),
            CancellationToken.None,
            TaskCreationOptions.None,
            TaskScheduler.Default);
        var running = await calling.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(running.IsCompleted, "The run ended while every producer was blocked in the source.");

        gate.Set();
        var run = await running.WaitAsync(RunTimeout);
        await AfterRunAsync();

        AssertExactlyOnce(sink.Ledger, run, items, $"the run with {settings}");
    }

    [Fact]
    public async Task SeededStress_DeliversExactlyOnce()
    {
        var seed = StressSeed();
        _output.WriteLine($"Stress seed {seed}; set {StressSeedVariable}={seed} to repeat this run.");
        var random = new Random(seed);

        for (var index = 0; index < StressCases; index++)
        {
            var (settings, items) = NextStressCase(random);
            var context = $"stress case {index} of seed {seed} (set {StressSeedVariable}={seed} to repeat): {settings}, {items} items";
            var sink = new LedgerSink();

            PipelineRun run;
            try
            {
                run = await RunAsync(settings, new GeneratedIntegerSource(items), sink);
            }
            catch (Exception error) when (error is not XunitException)
            {
                Assert.Fail($"The run threw {error.GetType().Name} in {context}.{Environment.NewLine}{error}");
                throw;
            }

            AssertExactlyOnce(sink.Ledger, run, items, context);
            Assert.True(run.MaxBufferDepth <= settings.Capacity, $"The buffer held {run.MaxBufferDepth} items at once, above its capacity, in {context}.");
        }
    }

    /// <summary>
    /// Runs many tiny pipelines, because a shutdown race happens once per run, not once per item. In each run, end
    /// of stream or the poison pills race the last items, so a lost wake-up would leave a consumer waiting forever.
    /// </summary>
    [Fact]
    public async Task ManyTinyRuns_AllShutDown()
    {
        const int runs = 300;
        var seed = StressSeed();
        _output.WriteLine($"Shutdown seed {seed}; set {StressSeedVariable}={seed} to repeat this run.");
        var random = new Random(seed);

        for (var index = 0; index < runs; index++)
        {
            var settings = PipelineSettings.Create(
                capacity: random.Next(1, 4), producers: random.Next(1, 4), consumers: random.Next(1, 4), maxBatch: random.Next(1, 4), seed: random.Next());
            var items = random.Next(0, 21);
            var context = $"tiny run {index} of seed {seed} (set {StressSeedVariable}={seed} to repeat): {settings}, {items} items";
            var sink = new LedgerSink();

            // The subclass's check runs once after the loop, because it may wait, and 300 waits would slow the suite.
            PipelineRun run;
            try
            {
                run = await CreateEngine().RunAsync(settings, new GeneratedIntegerSource(items), sink).WaitAsync(RunTimeout);
            }
            catch (Exception error) when (error is not XunitException)
            {
                Assert.Fail($"The run threw {error.GetType().Name} in {context}.{Environment.NewLine}{error}");
                throw;
            }

            AssertExactlyOnce(sink.Ledger, run, items, context);
        }

        await AfterRunAsync();
    }

    /// <summary>Runs the engine under <see cref="RunTimeout"/>, then the subclass's <see cref="AfterRunAsync"/>.</summary>
    protected async Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default)
    {
        var engine = CreateEngine();
        var run = await engine.RunAsync(settings, source, sink, cancellationToken).WaitAsync(RunTimeout);
        await AfterRunAsync();
        return run;
    }

    /// <summary>Asserts exactly-once delivery and matching counters, naming <paramref name="context"/> in every message.</summary>
    private static void AssertExactlyOnce(DeliveryLedger ledger, PipelineRun run, long items, string context)
    {
        var check = ledger.Check(items);
        Assert.True(check.Lost == 0, $"{check.Lost} of {items} items never reached the sink in {context}.");
        Assert.True(check.Duplicated == 0, $"{check.Duplicated} items reached the sink more than once in {context}.");
        Assert.True(run.Produced == items, $"The run counted {run.Produced} produced items, expected {items}, in {context}.");
        Assert.True(run.Consumed == items, $"The run counted {run.Consumed} consumed items, expected {items}, in {context}.");
        Assert.True(run.ProducedPerProducer.Count == run.Settings.Producers, $"The run has {run.ProducedPerProducer.Count} producer counts for {run.Settings.Producers} producers in {context}.");
        Assert.True(run.ConsumedPerConsumer.Count == run.Settings.Consumers, $"The run has {run.ConsumedPerConsumer.Count} consumer counts for {run.Settings.Consumers} consumers in {context}.");
    }

    /// <summary>
    /// Draws one stress case. Work is mostly a few CPU iterations. About one case in ten adds a delay of up to 2 ms
    /// per item on one side, and such a case has at most 100 items, so the suite stays fast.
    /// </summary>
    private static (PipelineSettings Settings, int Items) NextStressCase(Random random)
    {
        var capacity = random.Next(1, 65);
        var producers = random.Next(1, 7);
        var consumers = random.Next(1, 7);
        var maxBatch = random.Next(3) switch
        {
            0 => 1,
            1 => random.Next(2, 17),
            _ => PipelineSettings.DefaultMaxBatch,
        };

        var withDelay = random.Next(10) == 0;
        var delayOnProducers = withDelay && random.Next(2) == 0;
        var delayOnConsumers = withDelay && !delayOnProducers;
        var producerWork = RandomWork(random, delayOnProducers);
        var consumerWork = RandomWork(random, delayOnConsumers);

        var items = random.Next(20) switch
        {
            0 => 0,
            _ when withDelay => random.Next(1, 101),
            _ => random.Next(1, 5_001),
        };

        var settings = new PipelineSettings(capacity, producers, consumers, maxBatch, producerWork, consumerWork, Seed: random.Next());
        return (settings, items);
    }

    private static ItemWork RandomWork(Random random, bool withDelay) =>
        new(withDelay ? TimeSpan.FromMilliseconds(1) : TimeSpan.Zero, CpuIterations: random.Next(0, 201), Random: true);

    private static int StressSeed()
    {
        var text = Environment.GetEnvironmentVariable(StressSeedVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Random.Shared.Next();
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            throw new InvalidOperationException(
                $"The environment variable {StressSeedVariable} is '{text}', which is not a 32-bit integer. Unset it, or set it to the seed that a failed run printed.");
        }

        return seed;
    }

    /// <summary>Lines with the shapes that break naive line handling: empty, padded, tabs, non-ASCII, long.</summary>
    private static string[] SampleLines(int count) =>
        Enumerable.Range(0, count)
            .Select(i => (i % 6) switch
            {
                0 => "",
                1 => "   padded with spaces   ",
                2 => $"line {i}\twith a tab and non-ASCII text: \u017elu\u0165ou\u010dk\u00fd k\u016f\u0148, \u6570\u636e, \U0001F642",
                3 => new string('x', 1 + i % 500),
                _ => $"line {i}",
            })
            .ToArray();

    private static IEnumerable<Exception> InnerExceptions(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }
}
