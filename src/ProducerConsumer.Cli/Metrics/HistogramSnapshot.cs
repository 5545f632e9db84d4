namespace ProducerConsumer.Cli.Metrics;

/// <summary>The merged counts of a <see cref="LogHistogram"/> at one moment, with percentiles read from them.</summary>
internal sealed class HistogramSnapshot
{
    /// <summary>Counts per bucket, indexed as <see cref="LogHistogram.BucketOf"/> numbers them.</summary>
    private readonly long[] _counts;

    private readonly long _sumNanoseconds;

    private readonly long _maxNanoseconds;

    public HistogramSnapshot(long[] counts, long sumNanoseconds, long maxNanoseconds)
    {
        _counts = counts;
        _sumNanoseconds = sumNanoseconds;
        _maxNanoseconds = maxNanoseconds;
        Count = counts.Sum();
    }

    /// <summary>A snapshot of a histogram that recorded nothing.</summary>
    public static HistogramSnapshot Empty { get; } = new(new long[LogHistogram.BucketCount], 0, 0);

    /// <summary>The number of recorded values.</summary>
    public long Count { get; }

    /// <summary>The sum of every recorded value in seconds, exact to the nanosecond.</summary>
    public double TotalSeconds => _sumNanoseconds / 1e9;

    /// <summary>The largest recorded value in seconds, exact to the nanosecond, or <c>null</c> when nothing was recorded.</summary>
    public double? MaxSeconds => Count == 0 ? null : _maxNanoseconds / 1e9;

    /// <summary>
    /// Returns the value in seconds that <paramref name="percentile"/> percent of the recorded values do not exceed,
    /// or <c>null</c> when nothing was recorded. The result is the midpoint of the bucket that contains that value (within about 1.6 %),
    /// capped at the largest recorded value.
    /// </summary>
    /// <param name="percentile">From 0 to 100.</param>
    public double? Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (Count == 0)
        {
            return null;
        }

        // The nearest-rank definition: the smallest value with at least this share of the values at or below it.
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * Count));
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank)
            {
                var midpoint = LogHistogram.LowerBoundOf(bucket) + (LogHistogram.WidthOf(bucket) - 1) / 2.0;
                return Math.Min(midpoint, _maxNanoseconds) / 1e9;
            }
        }

        return MaxSeconds;
    }

    /// <summary>
    /// Returns the cumulative distribution: for each bucket that contains values, its upper bound in seconds and the
    /// share of all values at or below it, from 0 to 1.
    /// </summary>
    public IReadOnlyList<(double UpperBoundSeconds, double Share)> Cumulative()
    {
        var points = new List<(double, double)>();
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            if (_counts[bucket] == 0)
            {
                continue;
            }

            seen += _counts[bucket];
            var upperBound = LogHistogram.LowerBoundOf(bucket) + LogHistogram.WidthOf(bucket) - 1;
            points.Add((Math.Min(upperBound, _maxNanoseconds) / 1e9, (double)seen / Count));
        }

        return points;
    }
}
