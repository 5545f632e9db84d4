using System.Diagnostics.Metrics;
using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Diagnostics;

namespace ProducerConsumer.Tests.Cli.Metrics;

/// <summary>
/// The collector against a meter of the test's own that has the product's instrument names, so the test decides
/// every measurement. Only the collector's engine counts, workers are distinguished by their index, and the gauge
/// is read on the sampling thread.
/// </summary>
public sealed class RunMetricsCollectorTests : IDisposable
{
    /// <summary>The longest the test waits for the sampling thread before it fails instead of hanging.</summary>
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A meter name no other test uses, so no other test's measurements arrive.</summary>
    private readonly Meter _meter = new($"ProducerConsumer.Tests.{Guid.NewGuid():N}");

    private readonly Counter<long> _produced;

    private readonly Counter<long> _consumed;

    private readonly Histogram<double> _producerWait;

    private readonly Histogram<double> _consumerWait;

    private readonly Histogram<double> _latency;

    public RunMetricsCollectorTests()
    {
        _produced = _meter.CreateCounter<long>(PipelineMetrics.ItemsProducedName);
        _consumed = _meter.CreateCounter<long>(PipelineMetrics.ItemsConsumedName);
        _producerWait = _meter.CreateHistogram<double>(PipelineMetrics.ProducerWaitName);
        _consumerWait = _meter.CreateHistogram<double>(PipelineMetrics.ConsumerWaitName);
        _latency = _meter.CreateHistogram<double>(PipelineMetrics.ItemLatencyName);
    }

    public void Dispose() => _meter.Dispose();

    [Fact]
    public void KeepsOnlyItsEngine()
    {
        using var collector = Create("actor", producers: 1, consumers: 1);
        collector.Start();

        _produced.Add(5, Engine("actor"), Worker("producer", 0));
        _produced.Add(7, Engine("threaded"), Worker("producer", 0));
        _consumed.Add(3, Engine("threaded"), Worker("consumer", 0));
        _latency.Record(0.5, Engine("threaded"));
        _latency.Record(0.25, Engine("actor"));
        var metrics = collector.Stop();

        Assert.Equal([5L], metrics.ProducedPerProducer);
        Assert.Equal([0L], metrics.ConsumedPerConsumer);
        Assert.Equal(1, metrics.ItemLatency.Count);
        Assert.Equal(0.25, metrics.ItemLatency.MaxSeconds);
    }

    [Fact]
    public void KeepsOnlyGivenRun()
    {
        using var collector = Create("actor", producers: 1, consumers: 1, runId: "run-a");
        collector.Start();

        _produced.Add(5, Engine("actor"), Run("run-a"), Worker("producer", 0));
        _produced.Add(7, Engine("actor"), Run("run-b"), Worker("producer", 0));
        _consumed.Add(3, Engine("actor"), Worker("consumer", 0));
        _latency.Record(0.5, Engine("actor"), Run("run-b"));
        _latency.Record(0.25, Engine("actor"), Run("run-a"));
        var metrics = collector.Stop();

        Assert.Equal([5L], metrics.ProducedPerProducer);
        Assert.Equal([0L], metrics.ConsumedPerConsumer);
        Assert.Equal(1, metrics.ItemLatency.Count);
        Assert.Equal(0.25, metrics.ItemLatency.MaxSeconds);
    }

    [Fact]
    public async Task ReadsOnlyGivenRunsDepth()
    {
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _meter.CreateObservableGauge(PipelineMetrics.BufferDepthName, () =>
        {
            read.TrySetResult();
            return new[] { new Measurement<int>(3, Engine("actor"), Run("run-a")), new Measurement<int>(5, Engine("actor"), Run("run-b")) };
        });
        using var collector = Create("actor", producers: 1, consumers: 1, sampleInterval: TimeSpan.FromMilliseconds(1), runId: "run-a");

        collector.Start();
        await read.Task.WaitAsync(SampleTimeout);
        var metrics = collector.Stop();

        Assert.NotEmpty(metrics.DepthSamples);
        Assert.All(metrics.DepthSamples, sample => Assert.Equal(3, sample.Depth));
        Assert.Equal(0, metrics.SamplesWithSeveralRuns);
    }

    [Fact]
    public void CountsEachWorker()
    {
        using var collector = Create("actor", producers: 2, consumers: 3);
        collector.Start();

        _produced.Add(10, Engine("actor"), Worker("producer", 0));
        _produced.Add(4, Engine("actor"), Worker("producer", 1));
        _produced.Add(6, Engine("actor"), Worker("producer", 1));
        _consumed.Add(1, Engine("actor"), Worker("consumer", 2));
        _consumed.Add(2, Engine("actor"), Worker("consumer", 7));
        _consumed.Add(3, Engine("actor"));
        var metrics = collector.Stop();

        Assert.Equal([10L, 10L], metrics.ProducedPerProducer);
        Assert.Equal([0L, 0L, 1L], metrics.ConsumedPerConsumer);
        Assert.Equal(5, metrics.UnattributedItems);
        Assert.Equal(1.0, metrics.ProducerFairness!.JainIndex);
    }

    [Fact]
    public void LiveCountSeesConsumedItems()
    {
        using var collector = Create("actor", producers: 1, consumers: 2);
        collector.Start();

        _consumed.Add(4, Engine("actor"), Worker("consumer", 0));
        _consumed.Add(5, Engine("actor"), Worker("consumer", 1));

        Assert.Equal(9, collector.ConsumedSoFar);
    }

    [Fact]
    public void AggregatesWaitsAndLatency()
    {
        using var collector = Create("threaded", producers: 1, consumers: 1);
        collector.Start();

        for (var i = 1; i <= 100; i++)
        {
            _latency.Record(i / 1000.0, Engine("threaded"));
        }

        _producerWait.Record(0.002, Engine("threaded"), Worker("producer", 0));
        _producerWait.Record(0.003, Engine("threaded"), Worker("producer", 0));
        _consumerWait.Record(0.5, Engine("threaded"), Worker("consumer", 0));
        var metrics = collector.Stop();

        Assert.Equal(100, metrics.ItemLatency.Count);
        Assert.Equal(0.050, metrics.ItemLatency.Percentile(50)!.Value, 0.050 * 0.016);
        Assert.Equal(0.099, metrics.ItemLatency.Percentile(99)!.Value, 0.099 * 0.016);
        Assert.Equal(2, metrics.ProducerWait.Count);
        Assert.Equal(0.005, metrics.ProducerWait.TotalSeconds, 1e-9);
        Assert.Equal(0.5, metrics.ConsumerWait.TotalSeconds, 1e-9);
    }

    [Fact]
    public async Task ReadsDepthOnSamplingThread()
    {
        const int expectedReadings = 3;
        var readings = 0;
        var enoughReadings = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _meter.CreateObservableGauge(PipelineMetrics.BufferDepthName, () =>
        {
            if (Interlocked.Increment(ref readings) >= expectedReadings)
            {
                enoughReadings.TrySetResult();
            }

            // Another engine's run, whose depth the collector must leave out.
            return new[] { new Measurement<int>(7, Engine("actor")), new Measurement<int>(99, Engine("threaded")) };
        });
        using var collector = Create("actor", producers: 1, consumers: 1, sampleInterval: TimeSpan.FromMilliseconds(1));

        collector.Start();
        await enoughReadings.Task.WaitAsync(SampleTimeout);
        var metrics = collector.Stop();

        // Stop waits for the sampling thread, so the reading that completed the task is in the samples too.
        Assert.True(metrics.DepthSamples.Count >= expectedReadings, $"{metrics.DepthSamples.Count} depth samples after {expectedReadings} readings");
        Assert.All(metrics.DepthSamples, sample => Assert.Equal(7, sample.Depth));
        Assert.Equal(7.0, metrics.MeanDepth);
        Assert.Equal(0, metrics.SamplesWithSeveralRuns);
        Assert.True(metrics.DepthSamples.Zip(metrics.DepthSamples.Skip(1)).All(pair => pair.First.ElapsedSeconds <= pair.Second.ElapsedSeconds), "sample times go back");
    }

    [Fact]
    public async Task CountsReadingsWithSeveralRuns()
    {
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _meter.CreateObservableGauge(PipelineMetrics.BufferDepthName, () =>
        {
            read.TrySetResult();
            return new[] { new Measurement<int>(3, Engine("actor")), new Measurement<int>(5, Engine("actor")) };
        });
        using var collector = Create("actor", producers: 1, consumers: 1, sampleInterval: TimeSpan.FromMilliseconds(1));

        collector.Start();
        await read.Task.WaitAsync(SampleTimeout);
        var metrics = collector.Stop();

        Assert.NotEmpty(metrics.DepthSamples);
        Assert.Equal(metrics.DepthSamples.Count, metrics.SamplesWithSeveralRuns);
        Assert.All(metrics.DepthSamples, sample => Assert.Equal(5, sample.Depth));
    }

    [Fact]
    public void MeasuresGarbageCollectionsAndMemory()
    {
        using var collector = Create("actor", producers: 1, consumers: 1);
        collector.Start();

        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        var metrics = collector.Stop();

        Assert.True(metrics.GcCollections.Gen0 >= 1, $"gen0 collections: {metrics.GcCollections.Gen0}");
        Assert.True(metrics.StartWorkingSetBytes > 0, $"start working set: {metrics.StartWorkingSetBytes}");
        Assert.True(metrics.PeakWorkingSetBytes >= metrics.StartWorkingSetBytes, $"peak {metrics.PeakWorkingSetBytes} below start {metrics.StartWorkingSetBytes}");
    }

    [Fact]
    public void StopWithoutStartThrows()
    {
        using var collector = Create("actor", producers: 1, consumers: 1);

        var error = Assert.Throws<InvalidOperationException>(() => collector.Stop());

        Assert.Contains("before it was started", error.Message);
    }

    private RunMetricsCollector Create(string engine, int producers, int consumers, TimeSpan? sampleInterval = null, string? runId = null) =>
        new(engine, producers, consumers, sampleInterval, _meter.Name, runId);

    private static KeyValuePair<string, object?> Engine(string name) => new(PipelineMetrics.EngineTagName, name);

    private static KeyValuePair<string, object?> Run(string id) => new(PipelineMetrics.RunTagName, id);

    private static KeyValuePair<string, object?> Worker(string role, int index) => new(role, index);
}
