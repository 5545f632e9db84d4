using System.Collections.Concurrent;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Cli;

/// <summary>An engine wrapper that keeps the settings of every requested run and the items of every completed one, so a test can count warm-up runs.</summary>
internal sealed class CountingEngine(IPipelineEngine inner) : IPipelineEngine
{
    public string Name => inner.Name;

    public ConcurrentQueue<PipelineSettings> Runs { get; } = new();

    /// <summary>The items produced in each run that completed.</summary>
    public ConcurrentQueue<long> Produced { get; } = new();

    public async Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default)
    {
        Runs.Enqueue(settings);
        var run = await inner.RunAsync(settings, source, sink, cancellationToken);
        Produced.Enqueue(run.Produced);
        return run;
    }
}
