using Akka.Configuration;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;
using ProducerConsumer.Tests.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Diagnostics;

/// <summary>
/// The product's instruments, recorded by real runs of both engines and read with Microsoft's MetricCollector:
/// counts match the items moved, the depth stays within the capacity, waits appear where a side had to wait, and
/// every item's latency is recorded. Each test keeps the measurements of its own run, by the <c>run</c> tag, so
/// the tests run in parallel with the rest of the suite.
/// </summary>
public sealed class PipelineInstrumentsTests
{
    /// <summary>The longest a run may take before the test fails instead of hanging.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The actor system logs warnings only, so the test output shows the test's own messages.</summary>
    private static readonly Config QuietActorSystem = ConfigurationFactory.ParseString("akka { loglevel = WARNING, stdout-loglevel = WARNING }");

    public static TheoryData<string> Engines => new(EngineFactory.Names);

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task CountsEqualItemsMoved(string engine)
    {
        const int items = 5_000;
        using var measurements = new EngineMeasurements(engine);
        var settings = PipelineSettings.Create(capacity: 16, producers: 3, consumers: 2, maxBatch: 8);

        var run = await RunAsync(engine, settings with { RunId = measurements.RunId }, new GeneratedIntegerSource(items));

        Assert.Equal(items, measurements.Of(measurements.Produced).Sum(measurement => measurement.Value));
        Assert.Equal(items, measurements.Of(measurements.Consumed).Sum(measurement => measurement.Value));
        for (var producer = 0; producer < settings.Producers; producer++)
        {
            var counted = measurements.Of(measurements.Produced, "producer", producer).Sum(measurement => measurement.Value);
            Assert.True(run.ProducedPerProducer[producer] == counted, $"producer {producer}: the run counted {run.ProducedPerProducer[producer]}, the counter {counted}");
        }

        for (var consumer = 0; consumer < settings.Consumers; consumer++)
        {
            var counted = measurements.Of(measurements.Consumed, "consumer", consumer).Sum(measurement => measurement.Value);
            Assert.True(run.ConsumedPerConsumer[consumer] == counted, $"consumer {consumer}: the run counted {run.ConsumedPerConsumer[consumer]}, the counter {counted}");
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task DepthStaysWithinCapacity(string engine)
    {
        const int capacity = 4;
        using var measurements = new EngineMeasurements(engine);
        var settings = new PipelineSettings(capacity, 2, 2, 2, ItemWork.None, new ItemWork(TimeSpan.FromMilliseconds(1), 0, false), Seed: 1);

        // Each producer read takes a reading of the gauge, so the readings fall while items are moving.
        var source = new CallbackSource<int>(new GeneratedIntegerSource(300), measurements.Depth.RecordObservableInstruments);
        await RunAsync(engine, settings with { RunId = measurements.RunId }, source);

        var readings = measurements.Of(measurements.Depth).Select(measurement => measurement.Value).ToArray();
        Assert.NotEmpty(readings);
        Assert.All(readings, depth => Assert.InRange(depth, 0, capacity));
        Assert.True(readings.Any(depth => depth > 0), $"every one of {readings.Length} readings was 0, although slow consumers keep the buffer full");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task FullBufferRecordsProducerWaits(string engine)
    {
        using var measurements = new EngineMeasurements(engine);
        var slowConsumer = new ItemWork(TimeSpan.FromMilliseconds(1), 0, false);
        var settings = new PipelineSettings(Capacity: 1, Producers: 1, Consumers: 1, MaxBatch: 1, ItemWork.None, slowConsumer, Seed: 1);

        await RunAsync(engine, settings with { RunId = measurements.RunId }, new GeneratedIntegerSource(50));

        var waits = measurements.Of(measurements.ProducerWait);
        Assert.NotEmpty(waits);
        Assert.All(waits, wait => Assert.True(wait.Value >= 0, $"a producer wait of {wait.Value} s is negative"));
        Assert.True(waits.Sum(wait => wait.Value) > 0, "the producer waited behind a slow consumer, but the recorded waits add up to 0 s");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task EmptyBufferRecordsConsumerWaits(string engine)
    {
        using var measurements = new EngineMeasurements(engine);
        var slowProducer = new ItemWork(TimeSpan.FromMilliseconds(1), 0, false);
        var settings = new PipelineSettings(Capacity: 8, Producers: 1, Consumers: 1, MaxBatch: 1, slowProducer, ItemWork.None, Seed: 1);

        await RunAsync(engine, settings with { RunId = measurements.RunId }, new GeneratedIntegerSource(50));

        var waits = measurements.Of(measurements.ConsumerWait);
        Assert.NotEmpty(waits);
        Assert.All(waits, wait => Assert.True(wait.Value >= 0, $"a consumer wait of {wait.Value} s is negative"));
        Assert.True(waits.Sum(wait => wait.Value) > 0, "the consumer waited for a slow producer, but the recorded waits add up to 0 s");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task LatencyRecordedPerItem(string engine)
    {
        const int items = 2_000;
        using var measurements = new EngineMeasurements(engine);
        var settings = PipelineSettings.Create(capacity: 8, producers: 2, consumers: 2, maxBatch: 4);

        await RunAsync(engine, settings with { RunId = measurements.RunId }, new GeneratedIntegerSource(items));

        var latencies = measurements.Of(measurements.Latency);
        Assert.Equal(items, latencies.Count);
        Assert.All(latencies, latency => Assert.InRange(latency.Value, 0, RunTimeout.TotalSeconds));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task LatencySampledOneInEvery(string engine)
    {
        const int items = 2_000;
        const int every = 10;
        using var measurements = new EngineMeasurements(engine);
        var settings = PipelineSettings.Create(capacity: 8, producers: 2, consumers: 3, maxBatch: 4) with { LatencySampleEvery = every };

        var run = await RunAsync(engine, settings with { RunId = measurements.RunId }, new GeneratedIntegerSource(items));

        // Each consumer samples its first item and then one in every ten, so a consumer that finished n items
        // recorded n / 10 latencies, rounded up.
        var expected = run.ConsumedPerConsumer.Sum(consumed => (consumed + every - 1) / every);
        Assert.Equal(expected, measurements.Of(measurements.Latency).Count);
    }

    private static async Task<PipelineRun> RunAsync(string engine, PipelineSettings settings, IItemSource<int> source)
    {
        var sink = new LedgerSink();
        var run = await EngineFactory.Create(engine, QuietActorSystem).RunAsync(settings, source, sink).WaitAsync(RunTimeout);

        // Measurements of a run that lost items would be checked against the wrong totals.
        Assert.Equal(0, sink.Ledger.Check(run.Produced).Lost);
        return run;
    }
}
