using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Diagnostics;

/// <summary>
/// The product's one <see cref="Meter"/>. Both engines record the same instruments, tagged with
/// <c>engine</c> (<c>actor</c> or <c>threaded</c>), so a listener such as <c>dotnet-counters</c> compares them
/// directly, and with <c>run</c>, which separates runs that overlap in one process. Producer and consumer
/// measurements also carry the worker's index (<c>producer</c> or <c>consumer</c>).
/// </summary>
/// <remarks>
/// With no listener attached, each record call returns after one enabled check. The engines record counts per
/// batch and waits per wait; only the latency histogram is recorded per item, and only while it is enabled.
/// </remarks>
public static class PipelineMetrics
{
    /// <summary>The meter's name, as given to <c>dotnet-counters monitor --counters</c>.</summary>
    public const string MeterName = "ProducerConsumer";

    public const string ItemsProducedName = "producer_consumer.items.produced";

    public const string ItemsConsumedName = "producer_consumer.items.consumed";

    public const string BufferDepthName = "producer_consumer.buffer.depth";

    public const string ProducerWaitName = "producer_consumer.producer.wait";

    public const string ConsumerWaitName = "producer_consumer.consumer.wait";

    public const string ItemLatencyName = "producer_consumer.item.latency";

    /// <summary>The tag that names the engine: <c>actor</c> or <c>threaded</c>.</summary>
    public const string EngineTagName = "engine";

    /// <summary>The tag that names the run, unique within the process.</summary>
    public const string RunTagName = "run";

    /// <summary>The tag that gives a producer's index.</summary>
    public const string ProducerTagName = "producer";

    /// <summary>The tag that gives a consumer's index.</summary>
    public const string ConsumerTagName = "consumer";

    private static readonly Meter s_meter = new(MeterName, "1.0");

    /// <summary>Runs in progress, whose buffer depth the gauge reports.</summary>
    private static readonly ConcurrentDictionary<PipelineCounters, byte> s_activeRuns = new();

    internal static readonly Counter<long> ItemsProduced = s_meter.CreateCounter<long>(
        ItemsProducedName, "{item}", "Items a producer handed to the buffer.");

    internal static readonly Counter<long> ItemsConsumed = s_meter.CreateCounter<long>(
        ItemsConsumedName, "{item}", "Items a consumer finished and wrote to the sink.");

    internal static readonly Histogram<double> ProducerWait = s_meter.CreateHistogram<double>(
        ProducerWaitName, "s", "Time a producer with items waited for room: for credit (actor), in Monitor.Wait (threaded).");

    internal static readonly Histogram<double> ConsumerWait = s_meter.CreateHistogram<double>(
        ConsumerWaitName, "s", "Time a consumer waited for its next item after finishing the previous ones.");

    internal static readonly Histogram<double> ItemLatency = s_meter.CreateHistogram<double>(
        ItemLatencyName, "s", "Time from the buffer accepting an item to a consumer finishing it.");

    private static readonly ObservableGauge<int> s_bufferDepth = s_meter.CreateObservableGauge(
        BufferDepthName, ObserveDepths, "{item}", "Items the buffer holds now.");

    internal static void Register(PipelineCounters run) => s_activeRuns.TryAdd(run, 0);

    internal static void Unregister(PipelineCounters run) => s_activeRuns.TryRemove(run, out _);

    private static IEnumerable<Measurement<int>> ObserveDepths()
    {
        foreach (var run in s_activeRuns.Keys)
        {
            yield return new Measurement<int>(run.CurrentDepth, run.EngineTag, run.RunTag);
        }
    }
}
