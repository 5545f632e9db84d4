namespace ProducerConsumer.Workloads;

/// <summary>
/// Hands out the integers 0 to <c>count - 1</c> in order. Producers claim ranges with one atomic add, so reading
/// takes no lock and allocates nothing.
/// </summary>
public sealed class GeneratedIntegerSource : IItemSource<int>
{
    private readonly long _count;

    /// <summary>The next integer to hand out; may run past the count when producers race at the end.</summary>
    private long _next;

    public GeneratedIntegerSource(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
    }

    /// <summary>Items handed out so far.</summary>
    public long Produced => Math.Min(Interlocked.Read(ref _next), _count);

    public int Read(Span<int> destination)
    {
        if (destination.IsEmpty || Interlocked.Read(ref _next) >= _count)
        {
            return 0;
        }

        var end = Interlocked.Add(ref _next, destination.Length);
        var start = end - destination.Length;
        if (start >= _count)
        {
            return 0;
        }

        var read = (int)(Math.Min(end, _count) - start);
        for (var i = 0; i < read; i++)
        {
            destination[i] = (int)(start + i);
        }

        return read;
    }
}
