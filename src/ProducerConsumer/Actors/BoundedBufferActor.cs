using System.Buffers;
using System.Runtime.CompilerServices;
using Debug = System.Diagnostics.Debug;
using Akka.Actor;
using Akka.Event;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Actors;

/// <summary>
/// Holds at most <see cref="PipelineSettings.Capacity"/> items between producers and consumers, and moves them
/// with counted credit and demand; <c>BufferProtocol.cs</c> lists the messages.
/// </summary>
/// <remarks>
/// Invariants, checked where they can break:
/// <list type="bullet">
/// <item>queued items plus unused credit never exceed the capacity, so no producer can overfill the buffer;</item>
/// <item>no consumer is sent more items than it demanded and has not yet received;</item>
/// <item>every delivered item stays recorded as in flight to its consumer until that consumer acknowledges it;</item>
/// <item>consumers receive <see cref="EndOfStream"/> only after every producer ended, the queue is empty and
/// nothing is in flight, so shutdown cannot cost an item.</item>
/// </list>
/// </remarks>
public sealed class BoundedBufferActor<T> : ReceiveActor
{
    private readonly PipelineSettings _settings;

    private readonly PipelineCounters _counters;

    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>The queued items, a ring of <see cref="PipelineSettings.Capacity"/> slots starting at <see cref="_head"/>.</summary>
    private readonly T[] _ring;

    /// <summary>When each queued item was accepted, parallel to <see cref="_ring"/>; filled only while latency is measured.</summary>
    private readonly long[] _acceptedAt;

    private int _head;

    private int _count;

    /// <summary>Producers in registration order; credit goes round this list.</summary>
    private readonly List<ProducerSlot> _producers = [];

    private readonly Dictionary<IActorRef, ProducerSlot> _producersByRef = [];

    /// <summary>Position in <see cref="_producers"/>, modulo its length, where the next round of credit starts.</summary>
    private int _creditTurn;

    /// <summary>Credit granted to producers and not yet used; reserved slots that no one else may fill.</summary>
    private int _unusedCredit;

    private int _endedProducers;

    private readonly Dictionary<IActorRef, ConsumerSlot> _consumersByRef = [];

    /// <summary>Consumers with unmet demand, in the order their demand arrived; each appears at most once.</summary>
    private readonly Queue<ConsumerSlot> _demandQueue = new();

    private long _nextDeliveryId;

    private long _accepted;

    public BoundedBufferActor(PipelineSettings settings, PipelineCounters counters)
    {
        _settings = settings.Validate();
        _counters = counters;
        _ring = new T[settings.Capacity];
        _acceptedAt = new long[settings.Capacity];

        Receive<Produce<T>>(HandleProduce);
        Receive<Demand>(HandleDemand);
        Receive<Ack>(HandleAck);
        Receive<RegisterProducer>(_ => HandleRegisterProducer());
        Receive<EndOfStream>(_ => HandleEndOfStream());
        Receive<Terminated>(HandleTerminated);
    }

    protected override void PreStart() =>
        _log.Info(
            "Buffer started [capacity={0}, producers={1}, consumers={2}, max-batch={3}]",
            _settings.Capacity, _settings.Producers, _settings.Consumers, _settings.MaxBatch);

    protected override void PostStop() =>
        _log.Info(
            "Buffer stopped [accepted={0}, queued={1}, in-flight={2}, ended-producers={3}/{4}]",
            _accepted, _count, _consumersByRef.Values.Sum(c => c.InFlightItems), _endedProducers, _settings.Producers);

    private void HandleRegisterProducer()
    {
        if (_producersByRef.ContainsKey(Sender))
        {
            throw Violation($"{RegisterProducer.Instance} from {Sender.Path.Name}, which is already registered");
        }

        if (_producers.Count == _settings.Producers)
        {
            throw Violation($"{RegisterProducer.Instance} from {Sender.Path.Name} after all {_settings.Producers} producers registered");
        }

        var slot = new ProducerSlot(Sender, _producers.Count);
        _producers.Add(slot);
        _producersByRef.Add(Sender, slot);
        Context.Watch(Sender);

        GrantCredit();
    }

    private void HandleProduce(Produce<T> message)
    {
        var producer = ProducerOf(message);
        var items = message.Items;
        if (producer.Ended)
        {
            throw Violation($"{message} from producer {producer.Index} after its {EndOfStream.Instance}");
        }

        if (items.Count == 0 || items.Count > producer.Credit)
        {
            throw Violation($"{message} from producer {producer.Index} with credit {producer.Credit}; it may send 1 to {producer.Credit} items");
        }

        Debug.Assert(_count + items.Count <= _settings.Capacity, "Credit reserves a slot for every item a producer may send.");

        Enqueue(items);
        if (message.Pooled)
        {
            ReturnToPool(items);
        }

        producer.Credit -= items.Count;
        _unusedCredit -= items.Count;
        _accepted += items.Count;
        _counters.ObserveDepth(_count);

        Dispatch();
        GrantCredit();
    }

    private void HandleEndOfStream()
    {
        var producer = ProducerOf(EndOfStream.Instance);
        if (producer.Ended)
        {
            throw Violation($"a second {EndOfStream.Instance} from producer {producer.Index}");
        }

        // The producer's unused credit goes back to the pool, so the slots it reserved can serve other producers.
        producer.Ended = true;
        _unusedCredit -= producer.Credit;
        producer.Credit = 0;
        _endedProducers++;

        // Nothing is sent to this producer after this reply, so it can stop without credit going to dead letters.
        producer.Ref.Tell(EndOfStreamAccepted.Instance);
        _log.Debug("Producer {0} ended [{1}/{2} producers ended]", producer.Index, _endedProducers, _settings.Producers);

        GrantCredit();
        CompleteIfDrained();
    }

    private void HandleDemand(Demand demand)
    {
        if (demand.Count < 1)
        {
            throw Violation($"{demand} from {Sender.Path.Name}; demand must be at least 1");
        }

        if (!_consumersByRef.TryGetValue(Sender, out var consumer))
        {
            consumer = RegisterConsumer(demand);
        }

        AddDemand(consumer, demand.Count);

        Dispatch();
        GrantCredit();

        // Every producer may have ended before the last consumer registered.
        CompleteIfDrained();
    }

    private void HandleAck(Ack ack)
    {
        if (!_consumersByRef.TryGetValue(Sender, out var consumer))
        {
            throw Violation($"{ack} from {Sender.Path.Name}, which is not a registered consumer");
        }

        if (!consumer.InFlight.TryPeek(out var oldest))
        {
            throw Violation($"{ack} from consumer {consumer.Index}, which has no delivery in flight");
        }

        if (oldest.Id != ack.DeliveryId)
        {
            throw Violation($"{ack} from consumer {consumer.Index}; the oldest delivery in flight is {oldest.Id}");
        }

        if (ack.Demand < 0)
        {
            throw Violation($"{ack} from consumer {consumer.Index}; demand must not be negative");
        }

        consumer.InFlight.Dequeue();
        consumer.InFlightItems -= oldest.Items.Count;
        ReturnToPool(oldest.Items);
        AddDemand(consumer, ack.Demand);

        Dispatch();
        GrantCredit();
        CompleteIfDrained();
    }

    private void HandleTerminated(Terminated terminated)
    {
        // A clean consumer stops only after this buffer sent its end of stream and stopped, and a clean producer
        // only after its end of stream was accepted, so any other stop means items may be lost: fail loudly.
        // NOTE: the in-flight items of a consumer that dies are not redelivered yet, although they are recorded.
        if (_consumersByRef.TryGetValue(terminated.ActorRef, out var consumer))
        {
            throw new ProtocolViolationException(
                $"Consumer {consumer.Index} stopped before end of stream with {consumer.InFlightItems} items in flight in {consumer.InFlight.Count} deliveries");
        }

        if (_producersByRef.TryGetValue(terminated.ActorRef, out var producer) && !producer.Ended)
        {
            throw new ProtocolViolationException($"Producer {producer.Index} stopped before sending its {EndOfStream.Instance}");
        }
    }

    private ConsumerSlot RegisterConsumer(Demand demand)
    {
        if (_consumersByRef.Count == _settings.Consumers)
        {
            throw Violation($"{demand} from {Sender.Path.Name} after all {_settings.Consumers} consumers registered");
        }

        var consumer = new ConsumerSlot(Sender, _consumersByRef.Count);
        _consumersByRef.Add(Sender, consumer);
        Context.Watch(Sender);
        return consumer;
    }

    private void AddDemand(ConsumerSlot consumer, int count)
    {
        consumer.Demand += count;
        if (consumer.Demand > 0 && !consumer.Queued)
        {
            consumer.Queued = true;
            _demandQueue.Enqueue(consumer);
        }
    }

    /// <summary>Sends queued items to consumers with demand, oldest demand first, one batch per turn.</summary>
    private void Dispatch()
    {
        while (_count > 0 && _demandQueue.Count > 0)
        {
            var consumer = _demandQueue.Dequeue();
            var size = Math.Min(Math.Min(consumer.Demand, _count), _settings.MaxBatch);
            // NOTE: a delivery carries only its oldest item's acceptance time, so the latency of the other items
            // of a batch is overstated by the time between their acceptance and the oldest one's.
            var acceptedAt = _acceptedAt[_head];
            var items = Dequeue(size);
            var delivery = new Delivery<T>(_nextDeliveryId++, items, acceptedAt);

            consumer.Demand -= size;
            consumer.InFlight.Enqueue(delivery);
            consumer.InFlightItems += size;
            consumer.Ref.Tell(delivery);

            // A consumer with demand left goes to the back, so consumers with demand take turns.
            consumer.Queued = consumer.Demand > 0;
            if (consumer.Queued)
            {
                _demandQueue.Enqueue(consumer);
            }
        }

        _counters.ObserveDepth(_count);
    }

    /// <summary>
    /// Grants the free slots as credit to producers in turn. A producer is topped up only once it has used at
    /// least half of its share, so that credit travels in few, large messages.
    /// </summary>
    private void GrantCredit()
    {
        var free = _settings.Capacity - _count - _unusedCredit;
        var active = _producers.Count - _endedProducers;
        if (free <= 0 || active == 0)
        {
            return;
        }

        // A producer's share: at most one batch, and an equal part of the capacity, but never below one slot.
        var share = Math.Min(_settings.MaxBatch, Math.Max(1, _settings.Capacity / active));
        for (var step = 0; step < _producers.Count && free > 0; step++)
        {
            var index = (_creditTurn + step) % _producers.Count;
            var producer = _producers[index];
            if (producer.Ended || producer.Credit > share / 2)
            {
                continue;
            }

            var grant = Math.Min(free, share - producer.Credit);
            producer.Credit += grant;
            _unusedCredit += grant;
            free -= grant;
            producer.Ref.Tell(new Credit(grant));

            // The next round starts after the producer served last, including producers that register later.
            _creditTurn = index + 1;
        }

        Debug.Assert(_count + _unusedCredit <= _settings.Capacity, "Queued items plus unused credit never exceed the capacity.");
    }

    /// <summary>Sends end of stream to every consumer and stops, once nothing is left to deliver or acknowledge.</summary>
    private void CompleteIfDrained()
    {
        if (_endedProducers < _settings.Producers || _count > 0 || _consumersByRef.Count < _settings.Consumers)
        {
            return;
        }

        foreach (var consumer in _consumersByRef.Values)
        {
            if (consumer.InFlight.Count > 0)
            {
                return;
            }
        }

        foreach (var consumer in _consumersByRef.Values)
        {
            consumer.Ref.Tell(EndOfStream.Instance);
        }

        _log.Info("All {0} producers ended and every item was acknowledged; sending end of stream to {1} consumers", _settings.Producers, _consumersByRef.Count);
        Context.Parent.Tell(BufferDrained.Instance);
        Context.Stop(Self);
    }

    private ProducerSlot ProducerOf(object message)
    {
        if (_producersByRef.TryGetValue(Sender, out var producer))
        {
            return producer;
        }

        throw Violation($"{message} from {Sender.Path.Name}, which is not a registered producer");
    }

    private void Enqueue(ArraySegment<T> items)
    {
        var tail = (_head + _count) % _ring.Length;
        var firstPart = Math.Min(items.Count, _ring.Length - tail);
        items[..firstPart].CopyTo(_ring, tail);
        items[firstPart..].CopyTo(_ring, 0);

        // All items of one message are accepted at the same moment, so they share one timestamp.
        if (PipelineCounters.LatencyEnabled)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            _acceptedAt.AsSpan(tail, firstPart).Fill(now);
            _acceptedAt.AsSpan(0, items.Count - firstPart).Fill(now);
        }

        _count += items.Count;
    }

    /// <summary>Moves the oldest <paramref name="size"/> items into an array rented from the shared pool.</summary>
    private ArraySegment<T> Dequeue(int size)
    {
        var items = ArrayPool<T>.Shared.Rent(size);
        var firstPart = Math.Min(size, _ring.Length - _head);
        Array.Copy(_ring, _head, items, 0, firstPart);
        Array.Copy(_ring, 0, items, firstPart, size - firstPart);

        // Cleared slots let the garbage collector reclaim delivered reference-type items.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_ring, _head, firstPart);
            Array.Clear(_ring, 0, size - firstPart);
        }

        _head = (_head + size) % _ring.Length;
        _count -= size;
        return new ArraySegment<T>(items, 0, size);
    }

    /// <summary>
    /// Returns a pooled array whose items were copied into the ring or were acknowledged by their consumer. With
    /// pooled arrays, the actor engine allocated 9.2 bytes per item at capacity 16, against 18.7 when every produce
    /// message and every delivery allocated an array (see docs/benchmarks.md, "Pooled arrays").
    /// </summary>
    /// <remarks>
    /// Reference-type items are cleared, so that the pool does not keep them alive. A delivery that never comes back,
    /// as when a consumer fails, leaves its array to the garbage collector.
    /// </remarks>
    private static void ReturnToPool(ArraySegment<T> items) =>
        ArrayPool<T>.Shared.Return(items.Array!, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());

    private ProtocolViolationException Violation(string description)
    {
        var state = $"[queued={_count}/{_settings.Capacity}, unused-credit={_unusedCredit}, producers-ended={_endedProducers}/{_settings.Producers}]";
        return new ProtocolViolationException($"Buffer rejected {description} {state}");
    }

    /// <summary>What the buffer tracks about one producer.</summary>
    private sealed class ProducerSlot(IActorRef producer, int index)
    {
        public IActorRef Ref { get; } = producer;

        public int Index { get; } = index;

        /// <summary>Slots reserved for this producer's next items.</summary>
        public int Credit { get; set; }

        public bool Ended { get; set; }
    }

    /// <summary>What the buffer tracks about one consumer.</summary>
    private sealed class ConsumerSlot(IActorRef consumer, int index)
    {
        public IActorRef Ref { get; } = consumer;

        public int Index { get; } = index;

        /// <summary>Items demanded and not yet sent.</summary>
        public int Demand { get; set; }

        /// <summary>Whether the consumer waits in the demand queue.</summary>
        public bool Queued { get; set; }

        /// <summary>Deliveries sent and not yet acknowledged, oldest first; kept so they can be redelivered.</summary>
        public Queue<Delivery<T>> InFlight { get; } = new();

        public int InFlightItems { get; set; }
    }
}
