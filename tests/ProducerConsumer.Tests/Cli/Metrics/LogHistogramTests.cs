using ProducerConsumer.Cli.Metrics;

namespace ProducerConsumer.Tests.Cli.Metrics;

/// <summary>The bucketed duration histogram: buckets tile the range, percentiles stay within 1.6 %, and concurrent recording loses nothing.</summary>
public sealed class LogHistogramTests
{
    /// <summary>The largest relative error of a percentile: half of the widest bucket, 1/32 of its lower bound.</summary>
    private const double MaxRelativeError = 1.0 / 64;

    [Fact]
    public void BucketsTileTheRange()
    {
        var previousUpper = -1L;
        for (var bucket = 0; bucket < LogHistogram.BucketCount; bucket++)
        {
            var lower = LogHistogram.LowerBoundOf(bucket);
            Assert.True(lower == previousUpper + 1, $"bucket {bucket} starts at {lower}, but the one before ends at {previousUpper}");
            previousUpper = lower + LogHistogram.WidthOf(bucket) - 1;
        }

        Assert.Equal(LogHistogram.MaxNanoseconds, previousUpper);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(31L)]
    [InlineData(32L)]
    [InlineData(33L)]
    [InlineData(1_000L)]
    [InlineData(123_456_789L)]
    [InlineData(LogHistogram.MaxNanoseconds)]
    public void ValueFallsInItsBucket(long nanoseconds)
    {
        var bucket = LogHistogram.BucketOf(nanoseconds);
        var lower = LogHistogram.LowerBoundOf(bucket);

        Assert.InRange(nanoseconds, lower, lower + LogHistogram.WidthOf(bucket) - 1);
    }

    [Fact]
    public void PercentilesMatchSortedValues()
    {
        // Seeded, so a failure repeats; the seed is in the message.
        const int seed = 1234;
        var random = new Random(seed);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(random.NextDouble() * 16) * 1e-9).ToArray();
        var histogram = new LogHistogram();
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        var snapshot = histogram.Snapshot();
        Array.Sort(values);
        foreach (var percentile in (double[])[1, 50, 95, 99, 99.9, 100])
        {
            // The nearest-rank definition: the value at rank ceil(p/100 * n), counted from 1.
            var exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
            var estimate = snapshot.Percentile(percentile)!.Value;
            Assert.True(
                Math.Abs(estimate - exact) <= exact * MaxRelativeError + 1e-9,
                $"seed {seed}: p{percentile} is {estimate} s, the exact value {exact} s");
        }

        Assert.Equal(values.Length, snapshot.Count);
        Assert.Equal(values.Sum(), snapshot.TotalSeconds, values.Length * 1e-9);
        Assert.Equal(values[^1], snapshot.MaxSeconds!.Value, 1e-9);
    }

    [Fact]
    public void EmptyHistogramHasNoPercentile()
    {
        var snapshot = new LogHistogram().Snapshot();

        Assert.Equal(0, snapshot.Count);
        Assert.Null(snapshot.Percentile(50));
        Assert.Null(snapshot.MaxSeconds);
        Assert.Empty(snapshot.Cumulative());
    }

    [Fact]
    public void ConcurrentRecordingLosesNothing()
    {
        const int threads = 4;
        const int perThread = 50_000;
        var histogram = new LogHistogram();

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (var i = 0; i < perThread; i++)
            {
                histogram.Record((thread + 1) * 1e-6);
            }
        });

        var snapshot = histogram.Snapshot();
        Assert.Equal(threads * perThread, snapshot.Count);
        Assert.Equal(perThread * (1 + 2 + 3 + 4) * 1e-6, snapshot.TotalSeconds, 1e-9);
        Assert.Equal(4e-6, snapshot.MaxSeconds!.Value, 1e-12);
    }

    [Fact]
    public void CumulativeEndsAtAllValues()
    {
        var histogram = new LogHistogram();
        histogram.Record(1e-6);
        histogram.Record(1e-3);
        histogram.Record(1e-3);
        histogram.Record(2);

        var points = histogram.Snapshot().Cumulative();

        Assert.Equal(3, points.Count);
        Assert.Equal([0.25, 0.75, 1.0], points.Select(point => point.Share));
        Assert.True(points.Zip(points.Skip(1)).All(pair => pair.First.UpperBoundSeconds < pair.Second.UpperBoundSeconds), "the upper bounds do not rise");
    }

    [Fact]
    public void OutOfRangeValuesAreClamped()
    {
        var histogram = new LogHistogram();
        histogram.Record(-1);
        histogram.Record(double.NaN);
        histogram.Record(1e9);

        var snapshot = histogram.Snapshot();

        Assert.Equal(2, snapshot.Count);
        Assert.Equal(0, snapshot.Percentile(0)!.Value);
        Assert.Equal(LogHistogram.MaxNanoseconds / 1e9, snapshot.MaxSeconds!.Value, 1e-9);
    }
}
