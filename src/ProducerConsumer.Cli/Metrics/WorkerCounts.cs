namespace ProducerConsumer.Cli.Metrics;

/// <summary>
/// Items counted per producer or per consumer from a counter's measurements, keyed by the worker's index tag. Any
/// thread may add; each add is one <see cref="Interlocked"/> operation, and the engines add once per batch.
/// </summary>
internal sealed class WorkerCounts
{
    private readonly long[] _counts;

    /// <summary>Items whose index tag was missing, not a number, or beyond the run's worker count.</summary>
    private long _unattributed;

    /// <param name="tagName">The tag that carries the worker's index: <c>producer</c> or <c>consumer</c>.</param>
    /// <param name="workers">The number of workers of the run.</param>
    public WorkerCounts(string tagName, int workers)
    {
        TagName = tagName;
        _counts = new long[workers];
    }

    public string TagName { get; }

    /// <summary>The sum over every worker, unattributed items included; safe to read while the run goes on.</summary>
    public long Total
    {
        get
        {
            var total = Volatile.Read(ref _unattributed);
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Volatile.Read(ref _counts[i]);
            }

            return total;
        }
    }

    public void Add(object? index, long count)
    {
        if (index is int worker && (uint)worker < (uint)_counts.Length)
        {
            Interlocked.Add(ref _counts[worker], count);
        }
        else
        {
            Interlocked.Add(ref _unattributed, count);
        }
    }

    /// <summary>Returns each worker's count, by index.</summary>
    public long[] PerWorker() => [.. _counts.Select((_, i) => Volatile.Read(ref _counts[i]))];

    public long Unattributed => Volatile.Read(ref _unattributed);
}
