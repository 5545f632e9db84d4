using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Tests.Cli;

public sealed class LatencySamplingTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1_000, 1)]
    [InlineData(100_000, 1)]
    [InlineData(100_001, 2)]
    [InlineData(200_000, 2)]
    [InlineData(1_000_000, 10)]
    [InlineData(1_000_001, 11)]
    [InlineData(30_000_000, 300)]
    public void SamplesAboutTheTargetCount(long items, int every) =>
        Assert.Equal(every, LatencySampling.EveryFor(items));
}
