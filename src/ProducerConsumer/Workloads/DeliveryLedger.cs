namespace ProducerConsumer.Workloads;

/// <summary>
/// Checks exactly-once delivery: one bit per sequence number records that an item arrived, and a second arrival
/// of the same number counts as a duplicate. Memory is one bit per item (1.25 MB for 10 million items), allocated
/// in chunks as sequence numbers appear, so the ledger works for sources of unknown length.
/// </summary>
/// <remarks>Thread-safe: consumers record concurrently without a lock.</remarks>
public sealed class DeliveryLedger
{
    /// <summary>Sequence numbers covered by one chunk of the bitmap.</summary>
    private const int ChunkBits = 1 << 20;

    /// <summary>Chunk table; a chunk is created on first use with a compare-and-swap.</summary>
    private ulong[]?[] _chunks = new ulong[]?[16];

    /// <summary>Guards growth of the chunk table, which is rare.</summary>
    private readonly Lock _growLock = new();

    private long _duplicates;

    /// <summary>The next sequence number expected when order is kept; -1 once an item arrived out of order.</summary>
    private long _nextInOrder;

    /// <summary>Items recorded, duplicates included: every distinct bit set plus every duplicate arrival.</summary>
    /// <remarks>Counts the bitmap, so it costs one pass over it; concurrent records may or may not be included.</remarks>
    public long Recorded => CountDistinct() + Duplicates;

    /// <summary>Arrivals of a sequence number that had already arrived.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>
    /// Whether every item arrived in sequence order with none skipped. Meaningful only when one consumer records,
    /// because concurrent consumers interleave their writes.
    /// </summary>
    public bool InOrder => Volatile.Read(ref _nextInOrder) >= 0;

    /// <summary>Records the arrival of the item with the given sequence number.</summary>
    /// <remarks>
    /// One atomic OR per item is the whole cost on the usual path, so the check barely slows the pipelines it
    /// checks: duplicates are counted only when they happen, and distinct arrivals are counted from the bitmap.
    /// </remarks>
    public void Record(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);

        var chunk = ChunkFor(sequence);
        var bit = sequence % ChunkBits;
        var mask = 1UL << (int)(bit & 63);
        var previous = Interlocked.Or(ref chunk[bit >> 6], mask);
        if ((previous & mask) != 0)
        {
            Interlocked.Increment(ref _duplicates);
        }

        // The order flag is exact for a single consumer, which records sequentially; concurrent consumers race on
        // it, and their order is not reported.
        var expected = Volatile.Read(ref _nextInOrder);
        if (expected >= 0)
        {
            Volatile.Write(ref _nextInOrder, sequence == expected ? expected + 1 : -1);
        }
    }

    /// <summary>Summarizes the ledger against the number of items the source handed out.</summary>
    public DeliveryCheck Check(long produced)
    {
        var duplicates = Duplicates;
        var distinct = CountDistinct();
        return new DeliveryCheck(produced, distinct + duplicates, Math.Max(0, produced - distinct), duplicates, InOrder);
    }

    private long CountDistinct()
    {
        long count = 0;
        foreach (var chunk in Volatile.Read(ref _chunks))
        {
            if (chunk is null)
            {
                continue;
            }

            foreach (var word in chunk)
            {
                count += System.Numerics.BitOperations.PopCount(word);
            }
        }

        return count;
    }

    private ulong[] ChunkFor(long sequence)
    {
        var index = (int)(sequence / ChunkBits);
        var chunks = Volatile.Read(ref _chunks);
        if (index >= chunks.Length)
        {
            chunks = Grow(index);
        }

        return Volatile.Read(ref chunks[index]) ?? InstallChunk(chunks, index);
    }

    private static ulong[] InstallChunk(ulong[]?[] chunks, int index)
    {
        Interlocked.CompareExchange(ref chunks[index], new ulong[ChunkBits / 64], null);
        return chunks[index]!;
    }

    private ulong[]?[] Grow(int index)
    {
        lock (_growLock)
        {
            var chunks = _chunks;
            if (index < chunks.Length)
            {
                return chunks;
            }

            // Every slot of the old table is filled before it is copied: a writer still holding the old table then
            // finds the same chunk there as in the new one, so no arrival is recorded in a chunk that was dropped.
            var grown = new ulong[]?[Math.Max(index + 1, chunks.Length * 2)];
            for (var i = 0; i < chunks.Length; i++)
            {
                grown[i] = Volatile.Read(ref chunks[i]) ?? InstallChunk(chunks, i);
            }

            Volatile.Write(ref _chunks, grown);
            return grown;
        }
    }
}

/// <summary>The outcome of an exactly-once check.</summary>
/// <param name="Produced">Items the source handed out.</param>
/// <param name="Consumed">Items that reached the sink, duplicates included.</param>
/// <param name="Lost">Items handed out that never reached the sink.</param>
/// <param name="Duplicated">Extra arrivals of items that had already reached the sink.</param>
/// <param name="InOrder">Whether items reached the sink in source order.</param>
public sealed record DeliveryCheck(long Produced, long Consumed, long Lost, long Duplicated, bool InOrder)
{
    /// <summary>Whether every item arrived exactly once.</summary>
    public bool ExactlyOnce => Lost == 0 && Duplicated == 0;
}
