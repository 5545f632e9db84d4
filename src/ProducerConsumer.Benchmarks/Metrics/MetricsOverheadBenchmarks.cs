using Akka.Actor;
using BenchmarkDotNet.Attributes;
using ProducerConsumer.Actors;
using ProducerConsumer.Benchmarks.Cases;
using ProducerConsumer.Benchmarks.Running;
using ProducerConsumer.Engines;
using ProducerConsumer.Threaded;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Metrics;

/// <summary>
/// What recording the product's metrics costs: each engine in its default mode, once with nothing listening and
/// once with a <see cref="MeasurementCounter"/> attached, which turns on every instrument, the per-item latency
/// histogram included. The unlistened run of each engine is the baseline of its category.
/// </summary>
public class MetricsOverheadBenchmarks
{
    /// <summary>Items per invocation, as in the short pipeline job.</summary>
    public const int ItemCount = 100_000;

    private const string ActorCategory = "actor";

    private const string ThreadedCategory = "threaded";

    private readonly ThreadedEngine _threaded = new();

    /// <summary>One actor system for every run of a process, so that its start-up is not measured.</summary>
    private ActorSystem? _system;

    [ParamsSource(nameof(Cases))]
    public PipelineCase Case { get; set; } = PipelineCase.All[1];

    /// <summary>The pipeline jobs' 1x1 K=16 and 4x4 K=1024 cases: short batches on one pair, long ones on four.</summary>
    public IEnumerable<PipelineCase> Cases => [PipelineCase.All[1], PipelineCase.All[3]];

    private ActorSystem System => _system ?? throw new InvalidOperationException("The actor system is created in the global setup.");

    [GlobalSetup]
    public void CreateActorSystem() => _system = ActorSystem.Create("metrics-benchmarks", QuietActorConfig.Instance);

    [GlobalCleanup]
    public void TerminateActorSystem() => _system?.Terminate().Wait();

    [Benchmark(Baseline = true, OperationsPerInvoke = ItemCount)]
    [BenchmarkCategory(ActorCategory)]
    public Task Actor() => RunActorAsync(listened: false);

    [Benchmark(OperationsPerInvoke = ItemCount)]
    [BenchmarkCategory(ActorCategory)]
    public Task ActorListened() => RunActorAsync(listened: true);

    [Benchmark(Baseline = true, OperationsPerInvoke = ItemCount)]
    [BenchmarkCategory(ThreadedCategory)]
    public Task Threaded() => RunThreadedAsync(listened: false);

    [Benchmark(OperationsPerInvoke = ItemCount)]
    [BenchmarkCategory(ThreadedCategory)]
    public Task ThreadedListened() => RunThreadedAsync(listened: true);

    private Task RunActorAsync(bool listened) =>
        RunAsync("Actor", listened, (settings, source, sink) => ActorPipeline.RunAsync(System, settings, source, sink));

    private Task RunThreadedAsync(bool listened) =>
        RunAsync("Threaded", listened, (settings, source, sink) => _threaded.RunAsync(settings, source, sink));

    private async Task RunAsync(
        string engine, bool listened, Func<PipelineSettings, GeneratedIntegerSource, LedgerSink, Task> pipeline)
    {
        var name = $"{engine}{(listened ? "Listened" : "")} {Case} N={ItemCount}";
        var settings = Case.ToSettings(PipelineSettings.DefaultMaxBatch);
        using var counter = listened ? new MeasurementCounter() : null;

        await CheckedRun.RunAsync(name, ItemCount, (source, sink) => pipeline(settings, source, sink));

        // A listened run that recorded nothing would measure no recording at all.
        if (counter is not null && counter.Consumed != ItemCount)
        {
            throw new InvalidOperationException($"{name}: the listener counted {counter.Consumed} consumed items, expected {ItemCount}.");
        }
    }
}
