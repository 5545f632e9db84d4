namespace ProducerConsumer.Actors;

// The messages between producers, the bounded buffer and consumers.
//
//   producer                       buffer                          consumer
//      | --- RegisterProducer ---->  |                                 |
//      | <-------- Credit(n) ------  |  <--------- Demand(n) --------- |
//      | ------ Produce(items) ----> |  ----- Delivery(id, items) ---> |
//      | <-------- Credit(n) ------  |  <------- Ack(id, n) ---------- |
//      | ------- EndOfStream ------> |                                 |
//      | <-- EndOfStreamAccepted --  |  (all producers ended, queue    |
//                                    |   empty, every delivery acked)  |
//                                    |  -------- EndOfStream --------> |
//
// Backpressure is the counts: a producer sends no more items than its unused credit, and the buffer delivers no
// more items to a consumer than its unacknowledged demand. Every count is at most the run's maximum batch size,
// which makes batch size 1 the literal per-item protocol.

/// <summary>Producer to buffer, once at start: makes the sender a producer that receives credit in turn.</summary>
public sealed class RegisterProducer
{
    public static RegisterProducer Instance { get; } = new();

    private RegisterProducer()
    {
    }

    public override string ToString() => nameof(RegisterProducer);
}

/// <summary>
/// Buffer to producer: the buffer has reserved <paramref name="Count"/> free slots for this producer, which may
/// now send that many more items. Credit is the buffer's ack: it is granted as items leave the buffer.
/// </summary>
public sealed record Credit(int Count);

/// <summary>Producer to buffer: items sent against credit, in source order; never more than the unused credit.</summary>
/// <param name="Items">The items. The producer does not touch the array after sending it.</param>
/// <param name="Pooled">
/// Whether the array was rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, so that the buffer returns it
/// there once it has copied the items.
/// </param>
public sealed record Produce<T>(ArraySegment<T> Items, bool Pooled)
{
    /// <summary>Creates a message of a whole array, which no pool owns.</summary>
    public Produce(T[] items)
        : this(new ArraySegment<T>(items), Pooled: false)
    {
    }

    public override string ToString() => $"Produce<{typeof(T).Name}>({Items.Count} items)";
}

/// <summary>
/// The protocol's poison pill. Producer to buffer: the producer's source is exhausted and it sends no more items.
/// Buffer to consumer: every item of every producer has been delivered and acknowledged, so the consumer stops.
/// </summary>
/// <remarks>
/// Akka's own <c>PoisonPill</c> is not used: it stops an actor in mailbox order and drops what the actor still
/// holds, while this message is forwarded only once nothing is held or in flight.
/// </remarks>
public sealed class EndOfStream
{
    public static EndOfStream Instance { get; } = new();

    private EndOfStream()
    {
    }

    public override string ToString() => nameof(EndOfStream);
}

/// <summary>
/// Buffer to producer, in reply to its <see cref="EndOfStream"/>: the buffer sends this producer nothing more, so
/// the producer stops without leaving credit in dead letters.
/// </summary>
public sealed class EndOfStreamAccepted
{
    public static EndOfStreamAccepted Instance { get; } = new();

    private EndOfStreamAccepted()
    {
    }

    public override string ToString() => nameof(EndOfStreamAccepted);
}

/// <summary>
/// Consumer to buffer: the consumer can take <paramref name="Count"/> more items (at least 1). The first demand
/// registers the sender as a consumer. Demands are served in the order they arrived.
/// </summary>
public sealed record Demand(int Count);

/// <summary>
/// Buffer to consumer: items in buffer order, at most the consumer's outstanding demand. The items stay in flight
/// to this consumer until it acknowledges delivery <paramref name="Id"/>. <paramref name="AcceptedTimestamp"/> is
/// the <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the buffer accepted the oldest item, or 0
/// when item latency is not being measured.
/// </summary>
/// <remarks>
/// The buffer rents the array behind <paramref name="Items"/> from <see cref="System.Buffers.ArrayPool{T}.Shared"/>
/// and returns it when the delivery is acknowledged, so a consumer must not keep the array, or read it, after its
/// <see cref="Ack"/>.
/// </remarks>
public sealed record Delivery<T>(long Id, ArraySegment<T> Items, long AcceptedTimestamp = 0)
{
    /// <summary>Creates a delivery of a whole array, which no pool owns.</summary>
    public Delivery(long id, T[] items, long acceptedTimestamp = 0)
        : this(id, new ArraySegment<T>(items), acceptedTimestamp)
    {
    }

    public override string ToString() => $"Delivery<{typeof(T).Name}>(id {Id}, {Items.Count} items)";
}

/// <summary>
/// Consumer to buffer: every item of delivery <paramref name="DeliveryId"/> is finished, so it leaves the
/// in-flight set, and the consumer can take <paramref name="Demand"/> more items (0 for none). Acks arrive in
/// delivery order, because a consumer finishes its deliveries one after another.
/// </summary>
public sealed record Ack(long DeliveryId, int Demand);
