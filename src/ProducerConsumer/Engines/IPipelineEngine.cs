using ProducerConsumer.Workloads;

namespace ProducerConsumer.Engines;

/// <summary>
/// Moves every item of a source to a sink through a bounded buffer with the given number of producers and
/// consumers, and stops once the last item is consumed.
/// </summary>
public interface IPipelineEngine
{
    /// <summary>The engine's short name, used in reports: <c>actor</c> or <c>threaded</c>.</summary>
    string Name { get; }

    /// <summary>Runs the pipeline to completion.</summary>
    /// <exception cref="PipelineFailedException">A producer, consumer or the buffer failed, so the run stopped early.</exception>
    Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default);
}
