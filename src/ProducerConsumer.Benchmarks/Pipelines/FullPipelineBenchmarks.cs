using BenchmarkDotNet.Attributes;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>The pipeline benchmarks with 1 million items per invocation, for the full job.</summary>
public class FullPipelineBenchmarks : PipelineBenchmarks
{
    /// <summary>
    /// Items per invocation. The fastest case then runs for about 0.1 s per invocation, which is long compared with
    /// starting a run's threads or actors.
    /// </summary>
    public const int ItemCount = 1_000_000;

    protected override int Items => ItemCount;

    [Benchmark(Baseline = true, OperationsPerInvoke = ItemCount)]
    public Task Channels() => RunChannelsAsync();

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public Task BlockingCollection() => RunBlockingCollectionAsync();

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public Task AkkaStreams() => RunAkkaStreamsAsync();

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public Task ActorPerItem() => RunActorPerItemAsync();

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public Task ActorBatched() => RunActorBatchedAsync();

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public Task Threaded() => RunThreadedAsync();
}
