using Akka.Actor;
using Akka.TestKit;
using ProducerConsumer.Actors;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Actors;

/// <summary>The consumer alone, with a probe in place of the buffer.</summary>
public sealed class ConsumerActorTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly TestProbe _buffer;

    private readonly LedgerSink _sink = new();

    public ConsumerActorTests()
    {
        _buffer = CreateTestProbe("buffer");
    }

    [Fact]
    public async Task Consumer_DemandsItsWindowAtStart()
    {
        StartConsumer(window: 4);

        var demand = await _buffer.ExpectMsgAsync<Demand>();
        Assert.Equal(4, demand.Count);
    }

    [Fact]
    public async Task Consumer_WritesItemsBeforeAcknowledging()
    {
        var consumer = StartConsumer(window: 4);
        await _buffer.ExpectMsgAsync<Demand>();

        consumer.Tell(new Delivery<int>(7, [0, 1, 2]), _buffer.Ref);

        await _buffer.ExpectMsgAsync<Ack>();
        Assert.Equal(3, _sink.Ledger.Recorded);
        Assert.True(_sink.Ledger.InOrder);
    }

    [Fact]
    public async Task Consumer_DemandsAgainAfterAck()
    {
        var consumer = StartConsumer(window: 4);
        await _buffer.ExpectMsgAsync<Demand>();

        consumer.Tell(new Delivery<int>(7, [0, 1, 2]), _buffer.Ref);

        var ack = await _buffer.ExpectMsgAsync<Ack>();
        Assert.Equal(7, ack.DeliveryId);
        Assert.Equal(3, ack.Demand);
    }

    [Fact]
    public async Task Consumer_RejectsDeliveryBeyondDemand()
    {
        var consumer = StartConsumer(window: 2);
        await _buffer.ExpectMsgAsync<Demand>();

        await EventFilter.Exception<ProtocolViolationException>(contains: "outstanding demand 2").ExpectOneAsync(() =>
        {
            consumer.Tell(new Delivery<int>(1, [0, 1, 2]), _buffer.Ref);
            return Task.CompletedTask;
        });
        Assert.Equal(0, _sink.Ledger.Recorded);
    }

    [Fact]
    public async Task Consumer_StopsOnEndOfStream()
    {
        var consumer = StartConsumer(window: 2);
        Watch(consumer);
        await _buffer.ExpectMsgAsync<Demand>();

        consumer.Tell(EndOfStream.Instance, _buffer.Ref);

        await ExpectTerminatedAsync(consumer);
    }

    [Fact]
    public async Task Consumer_WithDelayAcknowledgesAfterEveryItem()
    {
        var work = new ItemWork(TimeSpan.FromMilliseconds(1), 0, Random: false);
        var consumer = StartConsumer(window: 4, work);
        await _buffer.ExpectMsgAsync<Demand>();

        consumer.Tell(new Delivery<int>(3, [0, 1, 2, 3]), _buffer.Ref);

        var ack = await _buffer.ExpectMsgAsync<Ack>();
        Assert.Equal(3, ack.DeliveryId);
        Assert.Equal(4, _sink.Ledger.Recorded);
    }

    private IActorRef StartConsumer(int window, ItemWork? work = null)
    {
        var counters = new PipelineCounters(1, 1);
        var buffer = _buffer.Ref;
        var sink = _sink;
        var itemWork = work ?? ItemWork.None;
        return Sys.ActorOf(Props.Create(() => new ConsumerActor<int>(0, buffer, sink, itemWork, 1, window, counters, 1)), "consumer");
    }
}
