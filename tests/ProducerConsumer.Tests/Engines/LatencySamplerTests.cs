using ProducerConsumer.Engines;

namespace ProducerConsumer.Tests.Engines;

public sealed class LatencySamplerTests
{
    [Fact]
    public void EveryOne_SamplesEachItem()
    {
        var sampler = new LatencySampler(1);

        Assert.Equal(Enumerable.Range(0, 7), Sampled(ref sampler, 3, 1, 3));
    }

    [Fact]
    public void EveryThree_SamplesEachThird()
    {
        var sampler = new LatencySampler(3);

        Assert.Equal([0, 3, 6, 9], Sampled(ref sampler, 10));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void BatchesOfAnySize_SampleTheSameItems(int batch)
    {
        var sampler = new LatencySampler(3);
        var batches = Enumerable.Repeat(batch, 20 / batch).Append(20 % batch).ToArray();

        Assert.Equal([0, 3, 6, 9, 12, 15, 18], Sampled(ref sampler, batches));
    }

    [Fact]
    public void EveryZero_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencySampler(0));

    /// <summary>Feeds batches of the given sizes through the sampler as a consumer does, and returns the positions of the sampled items.</summary>
    private static List<int> Sampled(ref LatencySampler sampler, params int[] batches)
    {
        var sampled = new List<int>();
        var start = 0;
        foreach (var size in batches)
        {
            for (var offset = sampler.NextOffset; offset < size; offset += sampler.Every)
            {
                sampled.Add(start + offset);
            }

            sampler.Advance(size);
            start += size;
        }

        return sampled;
    }
}
