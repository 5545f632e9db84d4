using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ProducerConsumer.Diagnostics;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Tests.Diagnostics;

/// <summary>
/// Records every measurement of the product's instruments during one test with Microsoft's MetricCollector, and
/// selects those of one run by its <c>engine</c> and <c>run</c> tags. The test gives its run <see cref="RunId"/>.
/// </summary>
internal sealed class EngineMeasurements : IDisposable
{
    private readonly string _engine;

    public EngineMeasurements(string engine)
    {
        _engine = engine;
        Produced = new MetricCollector<long>(PipelineMetrics.ItemsProduced);
        Consumed = new MetricCollector<long>(PipelineMetrics.ItemsConsumed);
        ProducerWait = new MetricCollector<double>(PipelineMetrics.ProducerWait);
        ConsumerWait = new MetricCollector<double>(PipelineMetrics.ConsumerWait);
        Latency = new MetricCollector<double>(PipelineMetrics.ItemLatency);

        // The depth gauge is private to PipelineMetrics, so it is found by its meter and name.
        Depth = new MetricCollector<int>(null, PipelineMetrics.MeterName, PipelineMetrics.BufferDepthName);
    }

    /// <summary>The identifier to give the run in <see cref="PipelineSettings.RunId"/>.</summary>
    public string RunId { get; } = PipelineCounters.NewRunId();

    public MetricCollector<long> Produced { get; }

    public MetricCollector<long> Consumed { get; }

    public MetricCollector<double> ProducerWait { get; }

    public MetricCollector<double> ConsumerWait { get; }

    public MetricCollector<double> Latency { get; }

    public MetricCollector<int> Depth { get; }

    /// <summary>Returns the measurements of this engine's run, optionally only those of one worker.</summary>
    public IReadOnlyList<CollectedMeasurement<T>> Of<T>(MetricCollector<T> collector, string? workerTag = null, int? worker = null)
        where T : struct =>
        collector.GetMeasurementSnapshot()
            .Where(measurement => measurement.Tags.TryGetValue(PipelineMetrics.EngineTagName, out var engine) && (string?)engine == _engine)
            .Where(measurement => measurement.Tags.TryGetValue(PipelineMetrics.RunTagName, out var run) && (string?)run == RunId)
            .Where(measurement => workerTag is null || (measurement.Tags.TryGetValue(workerTag, out var index) && (int?)index == worker))
            .ToArray();

    public void Dispose()
    {
        Produced.Dispose();
        Consumed.Dispose();
        ProducerWait.Dispose();
        ConsumerWait.Dispose();
        Latency.Dispose();
        Depth.Dispose();
    }
}
