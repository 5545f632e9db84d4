using System.Text.Json.Serialization;
using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Cli.Reports;

/// <summary>One engine's results, as the table shows them and the JSON report stores them.</summary>
/// <param name="Engine">The engine's name: <c>actor</c> or <c>threaded</c>.</param>
/// <param name="Scenario">The scenario the settings came from, or <c>null</c> for default.conf or a <c>--config</c> file.</param>
/// <param name="Completed">Whether the engine ran to the end without a <see cref="PipelineFailedException"/>.</param>
/// <param name="Error">Why the engine failed, or <c>null</c>.</param>
/// <param name="Items">The number of items in the workload.</param>
/// <param name="Produced">Items the source handed out to producers.</param>
/// <param name="Consumed">Items that reached the sink, duplicates included.</param>
/// <param name="Lost">Items of the workload that never reached the sink.</param>
/// <param name="Duplicated">Extra arrivals of items that had already reached the sink.</param>
/// <param name="InOrder">Whether items arrived in source order; <c>null</c> unless there is one producer and one consumer, because with more the order is not defined.</param>
/// <param name="ElapsedMs">Elapsed time in milliseconds.</param>
/// <param name="ItemsPerSecond">Consumed items per second of elapsed time.</param>
/// <param name="MaxBufferDepth">The largest number of items the buffer held at once; <c>null</c> when the engine failed.</param>
/// <param name="Capacity">The buffer's capacity.</param>
/// <param name="Producers">The number of producers.</param>
/// <param name="Consumers">The number of consumers.</param>
/// <param name="MaxBatch">The maximum number of items per message in the actor engine.</param>
/// <param name="Seed">The seed of the run's random choices.</param>
/// <param name="ProducerWork">The simulated cost of producing one item, such as "delay 1 ms".</param>
/// <param name="ConsumerWork">The simulated cost of consuming one item.</param>
/// <param name="MeanBufferDepth">The mean of the depth gauge's readings during the run; <c>null</c> when it was never read.</param>
/// <param name="Latency">Item latency percentiles; <c>null</c> when no metrics were collected, and likewise for the rest.</param>
/// <param name="ProducerWait">The producers' waits for room in the buffer.</param>
/// <param name="ConsumerWait">The consumers' waits for items.</param>
/// <param name="ProducerFairness">How evenly the producers shared the items, from the produced counter.</param>
/// <param name="ConsumerFairness">How evenly the consumers shared the items, from the consumed counter.</param>
/// <param name="StartWorkingSetBytes">The process's working set when the run started.</param>
/// <param name="PeakWorkingSetBytes">The largest process working set sampled during the run.</param>
/// <param name="GcCollections">Garbage collections per generation during the run.</param>
/// <param name="Metrics">Everything the collector gathered, for the charts; not part of the JSON report.</param>
internal sealed record EngineReport(
    string Engine,
    string? Scenario,
    [property: JsonIgnore] bool Completed,
    [property: JsonIgnore] string? Error,
    long Items,
    long Produced,
    long Consumed,
    long Lost,
    long Duplicated,
    bool? InOrder,
    double ElapsedMs,
    double ItemsPerSecond,
    int? MaxBufferDepth,
    int Capacity,
    int Producers,
    int Consumers,
    int MaxBatch,
    int Seed,
    string ProducerWork,
    string ConsumerWork,
    double? MeanBufferDepth,
    LatencySummary? Latency,
    WaitSummary? ProducerWait,
    WaitSummary? ConsumerWait,
    Fairness? ProducerFairness,
    Fairness? ConsumerFairness,
    long? StartWorkingSetBytes,
    long? PeakWorkingSetBytes,
    GcCollections? GcCollections,
    [property: JsonIgnore] RunMetrics? Metrics)
{
    /// <summary>Whether the engine completed and delivered every item exactly once.</summary>
    public bool ExactlyOnce => Completed && Lost == 0 && Duplicated == 0;

    /// <param name="run">The engine's outcome.</param>
    /// <param name="settings">The pipeline's shape.</param>
    /// <param name="metrics">What the metrics collector gathered during the run, or <c>null</c> without one.</param>
    /// <param name="scenario">The scenario name, or <c>null</c>.</param>
    public static EngineReport From(WorkloadRun run, PipelineSettings settings, RunMetrics? metrics = null, string? scenario = null)
    {
        var delivery = run.Delivery;
        var orderDefined = settings.Producers == 1 && settings.Consumers == 1;
        var seconds = run.Elapsed.TotalSeconds;

        return new EngineReport(
            run.Engine,
            scenario,
            run.Completed,
            run.Failure,
            run.Items,
            run.Produced,
            delivery.Consumed,
            delivery.Lost,
            delivery.Duplicated,
            orderDefined ? delivery.InOrder : null,
            run.Elapsed.TotalMilliseconds,
            seconds > 0 ? delivery.Consumed / seconds : 0,
            run.Run?.MaxBufferDepth,
            settings.Capacity,
            settings.Producers,
            settings.Consumers,
            settings.MaxBatch,
            settings.Seed,
            settings.ProducerWork.ToString(),
            settings.ConsumerWork.ToString(),
            metrics?.MeanDepth,
            metrics is null ? null : LatencySummary.From(metrics.ItemLatency, settings.LatencySampleEvery),
            metrics is null ? null : WaitSummary.From(metrics.ProducerWait),
            metrics is null ? null : WaitSummary.From(metrics.ConsumerWait),
            metrics?.ProducerFairness,
            metrics?.ConsumerFairness,
            metrics?.StartWorkingSetBytes,
            metrics?.PeakWorkingSetBytes,
            metrics?.GcCollections,
            metrics);
    }
}
