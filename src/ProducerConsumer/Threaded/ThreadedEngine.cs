using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Threaded;

/// <summary>Runs the pipeline on plain threads around a <c>Monitor</c>-guarded bounded buffer.</summary>
public sealed class ThreadedEngine : IPipelineEngine
{
    public string Name => "threaded";

    public Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
