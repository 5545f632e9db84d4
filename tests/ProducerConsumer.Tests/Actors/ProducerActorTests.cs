using Akka.Actor;
using Akka.TestKit;
using ProducerConsumer.Actors;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Actors;

/// <summary>The producer alone, with a probe in place of the buffer.</summary>
public sealed class ProducerActorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private readonly TestProbe _buffer;

    public ProducerActorTests()
    {
        _buffer = CreateTestProbe("buffer");
    }

    [Fact]
    public async Task Producer_SendsNothingWithoutCredit()
    {
        StartProducer(items: 5);

        await _buffer.ExpectMsgAsync(RegisterProducer.Instance);
        await _buffer.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Producer_SendsNoMoreThanCredit()
    {
        var producer = StartProducer(items: 5);
        await _buffer.ExpectMsgAsync(RegisterProducer.Instance);

        producer.Tell(new Credit(2), _buffer.Ref);

        var produce = await _buffer.ExpectMsgAsync<Produce<int>>();
        Assert.Equal([0, 1], produce.Items);
        await _buffer.ExpectNoMsgAsync(Quiet);

        // The buffer returns a pooled array after copying its items, so the producer allocates none per message.
        Assert.True(produce.Pooled, "the producer sent an array it allocated itself");
    }

    [Fact]
    public async Task Producer_SplitsCreditIntoBatches()
    {
        var producer = StartProducer(items: 10, maxBatch: 4);
        await _buffer.ExpectMsgAsync(RegisterProducer.Instance);

        producer.Tell(new Credit(6), _buffer.Ref);

        var first = await _buffer.ExpectMsgAsync<Produce<int>>();
        var second = await _buffer.ExpectMsgAsync<Produce<int>>();
        Assert.Equal([0, 1, 2, 3], first.Items);
        Assert.Equal([4, 5], second.Items);
    }

    [Fact]
    public async Task Producer_EndsStreamWhenSourceExhausted()
    {
        var producer = StartProducer(items: 3);
        Watch(producer);
        await _buffer.ExpectMsgAsync(RegisterProducer.Instance);

        producer.Tell(new Credit(8), _buffer.Ref);

        var produce = await _buffer.ExpectMsgAsync<Produce<int>>();
        Assert.Equal([0, 1, 2], produce.Items);
        await _buffer.ExpectMsgAsync(EndOfStream.Instance);
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Producer_EndsStreamOnlyOnce()
    {
        var producer = StartProducer(items: 1);
        await _buffer.ExpectMsgAsync(RegisterProducer.Instance);
        producer.Tell(new Credit(4), _buffer.Ref);
        await _buffer.ExpectMsgAsync<Produce<int>>();
        await _buffer.ExpectMsgAsync(EndOfStream.Instance);

        // Credit the buffer granted before it saw the end of stream arrives afterwards.
        producer.Tell(new Credit(2), _buffer.Ref);

        await _buffer.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Producer_StopsWhenEndOfStreamAccepted()
    {
        var producer = StartProducer(items: 0);
        Watch(producer);
        await _buffer.ExpectMsgAsync(RegisterProducer.Instance);
        producer.Tell(new Credit(1), _buffer.Ref);
        await _buffer.ExpectMsgAsync(EndOfStream.Instance);

        producer.Tell(EndOfStreamAccepted.Instance, _buffer.Ref);

        await ExpectTerminatedAsync(producer);
    }

    [Fact]
    public async Task Producer_WithDelayStillHonorsCredit()
    {
        var work = new ItemWork(TimeSpan.FromMilliseconds(1), 0, Random: false);
        var producer = StartProducer(items: 5, work: work);
        await _buffer.ExpectMsgAsync(RegisterProducer.Instance);

        producer.Tell(new Credit(3), _buffer.Ref);

        var produce = await _buffer.ExpectMsgAsync<Produce<int>>();
        Assert.Equal([0, 1, 2], produce.Items);
        await _buffer.ExpectNoMsgAsync(Quiet);
    }

    private IActorRef StartProducer(int items, int maxBatch = 64, ItemWork? work = null)
    {
        var source = new GeneratedIntegerSource(items);
        var counters = new PipelineCounters(1, 1);
        var buffer = _buffer.Ref;
        var itemWork = work ?? ItemWork.None;
        return Sys.ActorOf(Props.Create(() => new ProducerActor<int>(0, buffer, source, itemWork, 1, maxBatch, counters)), "producer");
    }
}
