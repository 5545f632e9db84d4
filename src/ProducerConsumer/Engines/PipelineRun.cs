namespace ProducerConsumer.Engines;

/// <summary>What an engine measured in one run, before the workload checks delivery.</summary>
/// <param name="Engine">The engine's name: <c>actor</c> or <c>threaded</c>.</param>
/// <param name="Settings">The settings of the run.</param>
/// <param name="Elapsed">Wall-clock time from the first producer start to the last consumer stop.</param>
/// <param name="ProducedPerProducer">Items each producer read from the source and handed to the buffer.</param>
/// <param name="ConsumedPerConsumer">Items each consumer finished and wrote to the sink.</param>
/// <param name="MaxBufferDepth">The largest number of items the buffer held at once.</param>
public sealed record PipelineRun(
    string Engine,
    PipelineSettings Settings,
    TimeSpan Elapsed,
    IReadOnlyList<long> ProducedPerProducer,
    IReadOnlyList<long> ConsumedPerConsumer,
    int MaxBufferDepth)
{
    public long Produced => ProducedPerProducer.Sum();

    public long Consumed => ConsumedPerConsumer.Sum();

    /// <summary>Consumed items per second of elapsed time.</summary>
    public double ItemsPerSecond => Elapsed > TimeSpan.Zero ? Consumed / Elapsed.TotalSeconds : 0;
}
