using System.Collections.Concurrent;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Cli;

/// <summary>A real engine that keeps the settings of every run it was asked to do, so a test can count warm-up runs.</summary>
internal sealed class CountingEngine(IPipelineEngine inner) : IPipelineEngine
{
    public string Name => inner.Name;

    public ConcurrentQueue<PipelineSettings> Runs { get; } = new();

    public Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default)
    {
        Runs.Enqueue(settings);
        return inner.RunAsync(settings, source, sink, cancellationToken);
    }
}
