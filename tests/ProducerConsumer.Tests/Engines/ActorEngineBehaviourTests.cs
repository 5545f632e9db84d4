using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using ProducerConsumer.Actors;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;
using Xunit.Abstractions;

namespace ProducerConsumer.Tests.Engines;

/// <summary>
/// The shared behaviour on the actor engine. Runs go through the test kit's actor system instead of one per run,
/// so that after each clean run the event stream shows that no item went to dead letters.
/// </summary>
public sealed class ActorEngineBehaviourTests : EngineBehaviourTests, IDisposable
{
    private readonly Akka.TestKit.Xunit2.TestKit _testKit;

    private readonly TestProbe _deadLetters;

    public ActorEngineBehaviourTests(ITestOutputHelper output)
        : base(output)
    {
        _testKit = new Akka.TestKit.Xunit2.TestKit(output: output);
        _deadLetters = _testKit.CreateTestProbe("dead-letters");
        _testKit.Sys.EventStream.Subscribe(_deadLetters.Ref, typeof(DeadLetter));
    }

    public void Dispose() => _testKit.Dispose();

    protected override IPipelineEngine CreateEngine() => new TestKitActorEngine(_testKit.Sys);

    protected override async Task AfterRunAsync()
    {
        // Any dead letter after a clean run is a protocol message that outlived its receiver, items included.
        await _deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The actor engine inside an existing actor system.</summary>
    private sealed class TestKitActorEngine(ActorSystem system) : IPipelineEngine
    {
        public string Name => "actor";

        public Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default) =>
            ActorPipeline.RunAsync(system, settings, source, sink, cancellationToken);
    }
}
