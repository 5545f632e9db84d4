namespace ProducerConsumer.Threaded;

/// <summary>
/// The content of one slot of the threaded engine's buffer: an item, or a poison pill that stops the consumer that
/// takes it. The wrapper keeps a pill distinct from every value of <typeparamref name="T"/>, the default included.
/// </summary>
internal readonly struct Envelope<T>
{
    private Envelope(T item, bool isPoisonPill)
    {
        Item = item;
        IsPoisonPill = isPoisonPill;
    }

    /// <summary>A pill: the consumer that takes it stops. Its <see cref="Item"/> is the default and means nothing.</summary>
    public static Envelope<T> PoisonPill => new(default!, isPoisonPill: true);

    public T Item { get; }

    public bool IsPoisonPill { get; }

    public static Envelope<T> Of(T item) => new(item, isPoisonPill: false);
}
