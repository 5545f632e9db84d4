using System.Numerics;

namespace ProducerConsumer.Cli.Metrics;

/// <summary>
/// A histogram of durations with logarithmic buckets that any number of threads record into without a lock. It
/// stores counts per bucket, never the values, so its size is fixed however many items a run moves.
/// </summary>
/// <remarks>
/// Values are whole nanoseconds. Below 32 ns each nanosecond has its own bucket. Above that, each power of two is
/// split into 32 equal buckets, so a bucket is at most 1/32 of its lower bound wide, and the bucket's midpoint is
/// within about 1.6 % of any value in it. Recording takes two <see cref="Interlocked"/> operations on a stripe
/// chosen by the current processor, so threads on different cores rarely touch the same cache line, plus a
/// compare-and-swap only when the value is a new maximum.
/// </remarks>
internal sealed class LogHistogram
{
    /// <summary>Bits of a value below its highest set bit that pick the bucket.</summary>
    private const int SubBucketBits = 5;

    private const int SubBucketCount = 1 << SubBucketBits;

    /// <summary>The largest value kept, about 73 minutes; longer values count in the last bucket.</summary>
    public const long MaxNanoseconds = (1L << 42) - 1;

    /// <summary>The number of buckets, up to and including the one of <see cref="MaxNanoseconds"/>.</summary>
    public static readonly int BucketCount = BucketOf(MaxNanoseconds) + 1;

    private readonly Stripe[] _stripes;

    /// <summary><see cref="_stripes"/>.Length - 1; the length is a power of two, so a processor id maps with a mask.</summary>
    private readonly int _stripeMask;

    public LogHistogram()
    {
        var stripes = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64));
        _stripes = new Stripe[stripes];
        for (var i = 0; i < stripes; i++)
        {
            _stripes[i] = new Stripe();
        }

        _stripeMask = stripes - 1;
    }

    /// <summary>Records one duration in seconds; negative values count as zero and NaN is ignored.</summary>
    public void Record(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            return;
        }

        // The second clamp catches the rounding of the division and multiplication at the top of the range.
        var nanoseconds = Math.Min((long)(Math.Clamp(seconds, 0, MaxNanoseconds / 1e9) * 1e9), MaxNanoseconds);
        var stripe = _stripes[Thread.GetCurrentProcessorId() & _stripeMask];

        Interlocked.Increment(ref stripe.Counts[BucketOf(nanoseconds)]);
        Interlocked.Add(ref stripe.SumNanoseconds, nanoseconds);
        InterlockedMax(ref stripe.MaxNanoseconds, nanoseconds);
    }

    /// <summary>
    /// Adds up the stripes. Recordings that happen during the call may be counted in some totals and not in others,
    /// so take the snapshot after the recording threads have stopped.
    /// </summary>
    public HistogramSnapshot Snapshot()
    {
        var counts = new long[BucketCount];
        long sum = 0;
        long max = 0;
        foreach (var stripe in _stripes)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += Volatile.Read(ref stripe.Counts[i]);
            }

            sum += Volatile.Read(ref stripe.SumNanoseconds);
            max = Math.Max(max, Volatile.Read(ref stripe.MaxNanoseconds));
        }

        return new HistogramSnapshot(counts, sum, max);
    }

    /// <summary>Returns the bucket of a value from 0 to <see cref="MaxNanoseconds"/>.</summary>
    public static int BucketOf(long nanoseconds)
    {
        if (nanoseconds < SubBucketCount)
        {
            return (int)nanoseconds;
        }

        // The highest set bit is at least SubBucketBits here, so the shift is never negative.
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)nanoseconds) - SubBucketBits;
        var subBucket = (int)(nanoseconds >> shift) - SubBucketCount;
        return (shift + 1) * SubBucketCount + subBucket;
    }

    /// <summary>Returns the smallest value that falls in <paramref name="bucket"/>.</summary>
    public static long LowerBoundOf(int bucket)
    {
        if (bucket < SubBucketCount)
        {
            return bucket;
        }

        var shift = bucket / SubBucketCount - 1;
        return (long)(SubBucketCount + bucket % SubBucketCount) << shift;
    }

    /// <summary>Returns how many consecutive values fall in <paramref name="bucket"/>.</summary>
    public static long WidthOf(int bucket) => bucket < SubBucketCount ? 1 : 1L << (bucket / SubBucketCount - 1);

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>The part of the histogram that the threads on one group of processors record into.</summary>
    private sealed class Stripe
    {
        public readonly long[] Counts = new long[BucketCount];

        public long SumNanoseconds;

        public long MaxNanoseconds;
    }
}
