using Akka.Actor;
using Akka.Event;
using ProducerConsumer.Actors;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Actors;

/// <summary>Whole pipelines inside the test kit's actor system, where the event stream can be observed.</summary>
public sealed class ActorPipelineTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(1, 3, 2, 64)]
    [InlineData(16, 2, 3, 1)]
    [InlineData(64, 4, 4, 64)]
    public async Task Pipeline_CleanRunLeavesNoDeadLetters(int capacity, int producers, int consumers, int maxBatch)
    {
        var deadLetters = CreateTestProbe("dead-letters");
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var source = new GeneratedIntegerSource(5_000);
        var sink = new LedgerSink();
        var settings = PipelineSettings.Create(capacity, producers, consumers, maxBatch);

        var run = await ActorPipeline.RunAsync(Sys, settings, source, sink).WaitAsync(RunTimeout);

        var check = sink.Ledger.Check(source.Produced);
        Assert.Equal(5_000, run.Consumed);
        Assert.True(check.ExactlyOnce, $"lost {check.Lost}, duplicated {check.Duplicated}");
        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Pipeline_CancelledTokenStartsNoActor()
    {
        var source = new GeneratedIntegerSource(1_000);
        var settings = PipelineSettings.Create(capacity: 4, producers: 1, consumers: 1);

        // The task is cancelled on return, before any actor could run, so the check does not depend on timing.
        var running = ActorPipeline.RunAsync(Sys, settings, source, new LedgerSink(), new CancellationToken(canceled: true));

        Assert.True(running.IsCanceled, $"The run of a cancelled token returned a task in state {running.Status}.");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(0, source.Produced);
    }

    [Fact]
    public async Task Pipeline_AkkaPoisonPillFailsRunInsteadOfLosingItems()
    {
        // A slow consumer keeps deliveries in flight, so an Akka PoisonPill that stops it would drop them.
        var slow = new ItemWork(TimeSpan.FromMilliseconds(1), 0, Random: false);
        var settings = PipelineSettings.Create(capacity: 8, producers: 1, consumers: 1, maxBatch: 4) with { ConsumerWork = slow };
        var source = new GeneratedIntegerSource(100_000);
        var sink = new LedgerSink();
        var running = ActorPipeline.RunAsync(Sys, settings, source, sink);

        IActorRef consumer = ActorRefs.Nobody;
        await AwaitAssertAsync(async () =>
            consumer = await Sys.ActorSelection("/user/*/consumer-0").ResolveOne(TimeSpan.FromSeconds(1)));
        await AwaitConditionAsync(() => Task.FromResult(sink.Ledger.Recorded > 0));

        consumer.Tell(PoisonPill.Instance);

        var failure = await Assert.ThrowsAsync<PipelineFailedException>(() => running.WaitAsync(RunTimeout));
        Assert.Contains("stopped before end of stream", failure.Message);
        Assert.Contains("in flight", failure.Message);
    }

    [Fact]
    public async Task Pipeline_SinkFailureFailsRun()
    {
        var settings = PipelineSettings.Create(capacity: 4, producers: 2, consumers: 2);
        var source = new GeneratedIntegerSource(1_000);

        var failure = await Assert.ThrowsAsync<PipelineFailedException>(() =>
            ActorPipeline.RunAsync(Sys, settings, source, new FailingSink(failAt: 500)).WaitAsync(RunTimeout));

        Assert.Contains("item 500 rejected", failure.Message);
    }

    [Fact]
    public async Task Pipeline_CancellationStopsEveryActor()
    {
        var slow = new ItemWork(TimeSpan.FromMilliseconds(1), 0, Random: false);
        var settings = PipelineSettings.Create(capacity: 4, producers: 1, consumers: 1) with { ConsumerWork = slow };
        using var cancellation = new CancellationTokenSource();
        var sink = new LedgerSink();
        var running = ActorPipeline.RunAsync(Sys, settings, new GeneratedIntegerSource(100_000), sink, cancellation.Token);
        await AwaitConditionAsync(() => Task.FromResult(sink.Ledger.Recorded > 0));

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(RunTimeout));
        await AwaitAssertAsync(async () =>
        {
            var remaining = await Sys.ActorSelection("/user/*").Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(1));
            Assert.Null(remaining.Subject);
        });
    }

    /// <summary>A sink that throws on one item, as a failing database write would.</summary>
    private sealed class FailingSink(int failAt) : IItemSink<int>
    {
        public void Write(int item)
        {
            if (item == failAt)
            {
                throw new IOException($"item {item} rejected by the sink");
            }
        }
    }
}
