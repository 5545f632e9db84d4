using BenchmarkDotNet.Attributes;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>The pipeline benchmarks with 100 thousand items per invocation, for the short job.</summary>
public class ShortPipelineBenchmarks : PipelineBenchmarks
{
    /// <summary>
    /// Items per invocation: about 10 ms in the fastest case, so BenchmarkDotNet runs several invocations per
    /// iteration there, and a few seconds in the slowest.
    /// </summary>
    public const int ItemCount = 100_000;

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
