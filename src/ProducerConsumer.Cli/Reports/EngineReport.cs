using System.Text.Json.Serialization;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Cli.Reports;

/// <summary>One engine's results, as the table shows them and the JSON report stores them.</summary>
/// <param name="Engine">The engine's name: <c>actor</c> or <c>threaded</c>.</param>
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
internal sealed record EngineReport(
    string Engine,
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
    string ConsumerWork)
{
    /// <summary>Whether the engine completed and delivered every item exactly once.</summary>
    public bool ExactlyOnce => Completed && Lost == 0 && Duplicated == 0;

    public static EngineReport From(WorkloadRun run, PipelineSettings settings)
    {
        var delivery = run.Delivery;
        var orderDefined = settings.Producers == 1 && settings.Consumers == 1;
        var seconds = run.Elapsed.TotalSeconds;

        return new EngineReport(
            run.Engine,
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
            settings.ConsumerWork.ToString());
    }
}
