using System.Buffers;
using Akka.Actor;
using Akka.TestKit;
using ProducerConsumer.Actors;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Tests.Actors;

/// <summary>The buffer alone, with one probe for each producer, each consumer and the parent.</summary>
public sealed class BoundedBufferActorTests : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>How long a probe listens to show that nothing more arrives.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private readonly TestProbe _parent;

    public BoundedBufferActorTests()
    {
        _parent = CreateTestProbe("parent");
    }

    [Fact]
    public async Task Buffer_DeliversNoMoreThanDemanded()
    {
        var buffer = await StartBufferAsync(capacity: 8);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 8);
        var consumer = CreateTestProbe("consumer");

        buffer.Tell(new Demand(3), consumer.Ref);
        buffer.Tell(new Produce<int>([1, 2, 3, 4, 5]), producer.Ref);

        var delivery = await consumer.ExpectMsgAsync<Delivery<int>>();
        Assert.Equal([1, 2, 3], delivery.Items);
        await consumer.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Buffer_WithholdsCreditWhileFull()
    {
        var buffer = await StartBufferAsync(capacity: 2);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 2);
        var consumer = CreateTestProbe("consumer");

        buffer.Tell(new Produce<int>([1, 2]), producer.Ref);

        await producer.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Buffer_GrantsCreditWhenConsumerTakesItem()
    {
        var buffer = await StartBufferAsync(capacity: 2);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 2);
        var consumer = CreateTestProbe("consumer");
        buffer.Tell(new Produce<int>([1, 2]), producer.Ref);

        buffer.Tell(new Demand(1), consumer.Ref);

        var delivery = await consumer.ExpectMsgAsync<Delivery<int>>();
        Assert.Equal([1], delivery.Items);
        var credit = await producer.ExpectMsgAsync<Credit>();
        Assert.Equal(1, credit.Count);
    }

    [Fact]
    public async Task Buffer_PerItemModeMovesSingleItems()
    {
        var buffer = await StartBufferAsync(capacity: 4, maxBatch: 1);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 1);
        var consumer = CreateTestProbe("consumer");
        buffer.Tell(new Demand(1), consumer.Ref);

        buffer.Tell(new Produce<int>([7]), producer.Ref);

        var delivery = await consumer.ExpectMsgAsync<Delivery<int>>();
        Assert.Equal([7], delivery.Items);
        var credit = await producer.ExpectMsgAsync<Credit>();
        Assert.Equal(1, credit.Count);
    }

    [Fact]
    public async Task Buffer_ForwardsEndOfStreamOnlyAfterDrain()
    {
        var buffer = await StartBufferAsync(capacity: 4);
        Watch(buffer);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 4);
        var consumer = CreateTestProbe("consumer");

        // The end of stream arrives while both items are still queued and no consumer has demanded them.
        buffer.Tell(new Produce<int>([1, 2]), producer.Ref);
        buffer.Tell(EndOfStream.Instance, producer.Ref);
        await producer.ExpectMsgAsync(EndOfStreamAccepted.Instance);

        // A delivery's array goes back to the pool on its ack, so its items are checked before the ack.
        buffer.Tell(new Demand(1), consumer.Ref);
        var first = await consumer.ExpectMsgAsync<Delivery<int>>();
        Assert.Equal([1], first.Items);
        buffer.Tell(new Ack(first.Id, 1), consumer.Ref);
        var second = await consumer.ExpectMsgAsync<Delivery<int>>();
        Assert.Equal([2], second.Items);
        await consumer.ExpectNoMsgAsync(Quiet);

        buffer.Tell(new Ack(second.Id, 1), consumer.Ref);
        await consumer.ExpectMsgAsync(EndOfStream.Instance);
        await _parent.ExpectMsgAsync(BufferDrained.Instance);
        await ExpectTerminatedAsync(buffer);
    }

    [Fact]
    public async Task Buffer_ClearsAcknowledgedArrayOfReferences()
    {
        var buffer = await StartBufferAsync<Item>(capacity: 4);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 4);
        var consumer = CreateTestProbe("consumer");

        buffer.Tell(new Produce<Item>([new Item(1), new Item(2)]), producer.Ref);
        buffer.Tell(EndOfStream.Instance, producer.Ref);
        buffer.Tell(new Demand(2), consumer.Ref);
        var delivery = await consumer.ExpectMsgAsync<Delivery<Item>>();
        Assert.Equal([new Item(1), new Item(2)], delivery.Items);

        // The end of stream follows the ack, so the array is back in the pool when it arrives.
        buffer.Tell(new Ack(delivery.Id, 2), consumer.Ref);
        await consumer.ExpectMsgAsync(EndOfStream.Instance);

        // A pooled array that kept its items would keep them alive until the pool hands it out again.
        Assert.All(delivery.Items.Array!, item => Assert.Null(item));
    }

    [Fact]
    public async Task Buffer_ReturnsPooledProduceArray()
    {
        var buffer = await StartBufferAsync<Item>(capacity: 4);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 4);
        var array = ArrayPool<Item>.Shared.Rent(2);
        array[0] = new Item(1);
        array[1] = new Item(2);

        // The buffer handles its mailbox in order, so the items are in the ring when the end of stream is accepted.
        // No consumer has demanded them, so no delivery can have rented the array again.
        buffer.Tell(new Produce<Item>(new ArraySegment<Item>(array, 0, 2), Pooled: true), producer.Ref);
        buffer.Tell(EndOfStream.Instance, producer.Ref);
        await producer.ExpectMsgAsync(EndOfStreamAccepted.Instance);

        Assert.All(array, item => Assert.Null(item));
    }

    [Fact]
    public async Task Buffer_EndOfStreamWaitsForInFlightAck()
    {
        var buffer = await StartBufferAsync(capacity: 4);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 4);
        var consumer = CreateTestProbe("consumer");
        buffer.Tell(new Demand(4), consumer.Ref);
        buffer.Tell(new Produce<int>([1, 2, 3]), producer.Ref);
        var delivery = await consumer.ExpectMsgAsync<Delivery<int>>();

        buffer.Tell(EndOfStream.Instance, producer.Ref);

        var credit = await producer.ExpectMsgAsync<Credit>();
        Assert.Equal(3, credit.Count);
        await producer.ExpectMsgAsync(EndOfStreamAccepted.Instance);
        await consumer.ExpectNoMsgAsync(Quiet);
        buffer.Tell(new Ack(delivery.Id, 3), consumer.Ref);
        await consumer.ExpectMsgAsync(EndOfStream.Instance);
    }

    [Fact]
    public async Task Buffer_CompletesWhenConsumerRegistersAfterEnd()
    {
        var buffer = await StartBufferAsync(capacity: 4);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 4);
        buffer.Tell(EndOfStream.Instance, producer.Ref);
        await producer.ExpectMsgAsync(EndOfStreamAccepted.Instance);
        var consumer = CreateTestProbe("consumer");

        buffer.Tell(new Demand(1), consumer.Ref);

        await consumer.ExpectMsgAsync(EndOfStream.Instance);
    }

    [Fact]
    public async Task Buffer_ServesDemandInArrivalOrder()
    {
        var buffer = await StartBufferAsync(capacity: 4, consumers: 2);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 4);
        var first = CreateTestProbe("first");
        var second = CreateTestProbe("second");

        buffer.Tell(new Demand(1), second.Ref);
        buffer.Tell(new Demand(1), first.Ref);
        buffer.Tell(new Produce<int>([10, 20]), producer.Ref);

        var toSecond = await second.ExpectMsgAsync<Delivery<int>>();
        var toFirst = await first.ExpectMsgAsync<Delivery<int>>();
        Assert.Equal([10], toSecond.Items);
        Assert.Equal([20], toFirst.Items);
    }

    [Fact]
    public async Task Buffer_GrantsCreditToProducersInTurn()
    {
        var buffer = await StartBufferAsync(capacity: 1, producers: 2);
        var first = await RegisterProducerAsync(buffer, expectedCredit: 1, name: "first");
        var second = CreateTestProbe("second");
        buffer.Tell(RegisterProducer.Instance, second.Ref);
        await second.ExpectNoMsgAsync(Quiet);
        var consumer = CreateTestProbe("consumer");
        buffer.Tell(new Demand(10), consumer.Ref);

        buffer.Tell(new Produce<int>([1]), first.Ref);

        // The slot that item 1 freed goes to the producer whose turn it is, not back to the one that used it.
        await consumer.ExpectMsgAsync<Delivery<int>>();
        var credit = await second.ExpectMsgAsync<Credit>();
        Assert.Equal(1, credit.Count);
        await first.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Buffer_RejectsItemsBeyondCredit()
    {
        var buffer = await StartBufferAsync(capacity: 2);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 2);

        await EventFilter.Exception<ProtocolViolationException>(contains: "with credit 2").ExpectOneAsync(() =>
        {
            buffer.Tell(new Produce<int>([1, 2, 3]), producer.Ref);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Buffer_RejectsItemsFromUnregisteredProducer()
    {
        var buffer = await StartBufferAsync(capacity: 2);
        var stranger = CreateTestProbe("stranger");

        await EventFilter.Exception<ProtocolViolationException>(contains: "not a registered producer").ExpectOneAsync(() =>
        {
            buffer.Tell(new Produce<int>([1]), stranger.Ref);
            return Task.CompletedTask;
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task Buffer_RejectsDemandBelowOne(int count)
    {
        var buffer = await StartBufferAsync(capacity: 2);
        var consumer = CreateTestProbe("consumer");

        await EventFilter.Exception<ProtocolViolationException>(contains: $"Demand {{ Count = {count} }}").ExpectOneAsync(() =>
        {
            buffer.Tell(new Demand(count), consumer.Ref);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Buffer_RejectsAckOfUnknownDelivery()
    {
        var buffer = await StartBufferAsync(capacity: 2);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 2);
        var consumer = CreateTestProbe("consumer");
        buffer.Tell(new Demand(1), consumer.Ref);
        buffer.Tell(new Produce<int>([1]), producer.Ref);
        var delivery = await consumer.ExpectMsgAsync<Delivery<int>>();

        await EventFilter.Exception<ProtocolViolationException>(contains: $"the oldest delivery in flight is {delivery.Id}").ExpectOneAsync(() =>
        {
            buffer.Tell(new Ack(delivery.Id + 1, 1), consumer.Ref);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Buffer_FailsWhenConsumerStopsWithItemsInFlight()
    {
        var buffer = await StartBufferAsync(capacity: 2);
        var producer = await RegisterProducerAsync(buffer, expectedCredit: 2);
        var consumer = CreateTestProbe("consumer");
        buffer.Tell(new Demand(2), consumer.Ref);
        buffer.Tell(new Produce<int>([1, 2]), producer.Ref);
        await consumer.ExpectMsgAsync<Delivery<int>>();

        await EventFilter.Exception<ProtocolViolationException>(contains: "2 items in flight").ExpectOneAsync(() =>
        {
            consumer.Tell(PoisonPill.Instance);
            return Task.CompletedTask;
        });
    }

    private Task<IActorRef> StartBufferAsync(int capacity, int producers = 1, int consumers = 1, int maxBatch = 64) =>
        StartBufferAsync<int>(capacity, producers, consumers, maxBatch);

    private async Task<IActorRef> StartBufferAsync<T>(int capacity, int producers = 1, int consumers = 1, int maxBatch = 64)
    {
        var settings = PipelineSettings.Create(capacity, producers, consumers, maxBatch);
        var counters = new PipelineCounters(producers, consumers);
        var bufferProps = Props.Create(() => new BoundedBufferActor<T>(settings, counters));
        var parentProbe = _parent.Ref;
        Sys.ActorOf(Props.Create(() => new ProbeParent(bufferProps, "buffer", parentProbe)), "parent");

        return await _parent.ExpectMsgAsync<IActorRef>();
    }

    private async Task<TestProbe> RegisterProducerAsync(IActorRef buffer, int expectedCredit, string name = "producer")
    {
        var producer = CreateTestProbe(name);
        buffer.Tell(RegisterProducer.Instance, producer.Ref);

        var credit = await producer.ExpectMsgAsync<Credit>();
        Assert.Equal(expectedCredit, credit.Count);
        return producer;
    }

    /// <summary>An item of a reference type that no other test rents pooled arrays of.</summary>
    private sealed record Item(int Value);
}
