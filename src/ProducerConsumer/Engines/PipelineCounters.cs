namespace ProducerConsumer.Engines;

/// <summary>
/// Per-run counts that producers, consumers and the buffer update while the run lasts. Each slot has exactly one
/// writer (one producer, one consumer, or the buffer), so updates are plain writes; the engine reads them only
/// after every writer has stopped.
/// </summary>
public sealed class PipelineCounters
{
    /// <summary>Slots are spaced a cache line apart so that writers on different cores do not share a line.</summary>
    private const int Stride = 8;

    private readonly long[] _produced;

    private readonly long[] _consumed;

    private int _maxDepth;

    public PipelineCounters(int producers, int consumers)
    {
        _produced = new long[producers * Stride];
        _consumed = new long[consumers * Stride];
    }

    public void AddProduced(int producer, int count) => _produced[producer * Stride] += count;

    public void AddConsumed(int consumer, int count) => _consumed[consumer * Stride] += count;

    /// <summary>Raises the recorded maximum depth; called only by the buffer's single writer.</summary>
    public void ObserveDepth(int depth)
    {
        if (depth > _maxDepth)
        {
            _maxDepth = depth;
        }
    }

    /// <summary>Raises the recorded maximum depth from any thread.</summary>
    public void ObserveDepthConcurrent(int depth)
    {
        var current = Volatile.Read(ref _maxDepth);
        while (depth > current)
        {
            var seen = Interlocked.CompareExchange(ref _maxDepth, depth, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Builds the run record once every producer, consumer and the buffer has stopped.</summary>
    public PipelineRun ToRun(string engine, PipelineSettings settings, TimeSpan elapsed) =>
        new(engine, settings, elapsed, Slots(_produced), Slots(_consumed), Volatile.Read(ref _maxDepth));

    private static long[] Slots(long[] strided)
    {
        var values = new long[strided.Length / Stride];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Volatile.Read(ref strided[i * Stride]);
        }

        return values;
    }
}
