using ProducerConsumer.Cli.Metrics;

namespace ProducerConsumer.Tests.Cli.Metrics;

/// <summary>Jain's index and the shares, on counts whose result is known.</summary>
public sealed class FairnessTests
{
    [Fact]
    public void EvenCountsAreFair()
    {
        var fairness = Fairness.Of([250, 250, 250, 250])!;

        Assert.Equal(1.0, fairness.JainIndex, 1e-12);
        Assert.Equal(0.25, fairness.MinShare, 1e-12);
        Assert.Equal(0.25, fairness.MaxShare, 1e-12);
        Assert.Equal(0.25, fairness.EvenShare, 1e-12);
    }

    [Fact]
    public void OneWorkerDoingAllScoresOneOverN()
    {
        var fairness = Fairness.Of([0, 0, 0, 1000])!;

        Assert.Equal(0.25, fairness.JainIndex, 1e-12);
        Assert.Equal(0.0, fairness.MinShare, 1e-12);
        Assert.Equal(1.0, fairness.MaxShare, 1e-12);
    }

    [Fact]
    public void UnevenCountsScoreBetween()
    {
        // (1 + 3)² / (2 · (1² + 3²)) = 16 / 20.
        var fairness = Fairness.Of([100, 300])!;

        Assert.Equal(0.8, fairness.JainIndex, 1e-12);
        Assert.Equal(0.25, fairness.MinShare, 1e-12);
        Assert.Equal(0.75, fairness.MaxShare, 1e-12);
    }

    [Fact]
    public void LargeCountsDoNotOverflow()
    {
        var fairness = Fairness.Of([4_000_000_000L, 4_000_000_000L])!;

        Assert.Equal(1.0, fairness.JainIndex, 1e-12);
    }

    [Fact]
    public void NoWorkersOrNoItemsHaveNoFairness()
    {
        Assert.Null(Fairness.Of([]));
        Assert.Null(Fairness.Of([0, 0]));
    }
}
