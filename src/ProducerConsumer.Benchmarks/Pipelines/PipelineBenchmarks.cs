using Akka.Actor;
using Akka.Streams;
using BenchmarkDotNet.Attributes;
using ProducerConsumer.Actors;
using ProducerConsumer.Benchmarks.Cases;
using ProducerConsumer.Benchmarks.Peers;
using ProducerConsumer.Benchmarks.Running;
using ProducerConsumer.Threaded;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>
/// Moves <see cref="Items"/> generated integers from the case's producers to its consumers through a buffer of
/// the case's capacity, once per invocation, with each engine and each peer. Every invocation checks that each
/// item arrived exactly once and throws otherwise, so a failed run is reported as a failed benchmark.
/// </summary>
/// <remarks>
/// The derived classes fix <see cref="Items"/> and declare the benchmark methods, because BenchmarkDotNet takes
/// the operations per invocation from an attribute constant; with it equal to the item count, every time and
/// allocation in the summary is per item.
/// </remarks>
public abstract class PipelineBenchmarks
{
    /// <summary>One actor system for every run of a process, so that its start-up is not measured.</summary>
    private ActorSystem? _system;

    private IMaterializer? _materializer;

    private readonly ThreadedEngine _threaded = new();

    [ParamsSource(nameof(Cases))]
    public PipelineCase Case { get; set; } = PipelineCase.All[0];

    /// <summary>The workload's cases; an instance property so that BenchmarkDotNet finds it from the derived classes.</summary>
    public IEnumerable<PipelineCase> Cases => PipelineCase.All;

    /// <summary>Items moved per invocation; equal to the benchmark methods' operations per invocation.</summary>
    protected abstract int Items { get; }

    private ActorSystem System => _system ?? throw new InvalidOperationException("The actor system is created in the global setup.");

    private IMaterializer Materializer => _materializer ?? throw new InvalidOperationException("The materializer is created in the global setup.");

    [GlobalSetup]
    public void CreateActorSystem()
    {
        _system = ActorSystem.Create("benchmarks", QuietActorConfig.Instance);
        _materializer = _system.Materializer();
    }

    [GlobalCleanup]
    public void TerminateActorSystem()
    {
        // Terminating the system also stops the materializer's actors.
        _system?.Terminate().Wait();
    }

    protected Task RunChannelsAsync() =>
        CheckedRun.RunAsync(RunName("Channels"), Items, (source, sink) =>
            ChannelsPipeline.RunAsync(Case.ToSettings(SourceChunk.Size), source, sink));

    protected Task RunBlockingCollectionAsync() =>
        CheckedRun.RunAsync(RunName("BlockingCollection"), Items, (source, sink) =>
            BlockingCollectionPipeline.RunAsync(Case.ToSettings(SourceChunk.Size), source, sink));

    protected Task RunAkkaStreamsAsync() =>
        CheckedRun.RunAsync(RunName("AkkaStreams"), Items, (source, sink) =>
            AkkaStreamsPipeline.RunAsync(Materializer, Case.ToSettings(SourceChunk.Size), source, sink));

    /// <summary>The actor engine's literal per-item protocol: every credit, item, demand and ack is one message.</summary>
    protected Task RunActorPerItemAsync() => RunActorAsync("ActorPerItem", maxBatch: 1);

    /// <summary>The actor engine's default mode: counts and items travel in batches of up to the default maximum batch.</summary>
    protected Task RunActorBatchedAsync() => RunActorAsync("ActorBatched", Engines.PipelineSettings.DefaultMaxBatch);

    protected Task RunThreadedAsync() =>
        CheckedRun.RunAsync(RunName("Threaded"), Items, (source, sink) =>
            _threaded.RunAsync(Case.ToSettings(Engines.PipelineSettings.DefaultMaxBatch), source, sink));

    private Task RunActorAsync(string name, int maxBatch) =>
        CheckedRun.RunAsync(RunName(name), Items, (source, sink) =>
            ActorPipeline.RunAsync(System, Case.ToSettings(maxBatch), source, sink));

    private string RunName(string peer) => $"{peer} {Case} N={Items}";
}
