using ProducerConsumer.Threaded;

namespace ProducerConsumer.Tests.Threaded;

/// <summary>The adaptive spin policy: short sleeps bring spinning back, long ones turn it off.</summary>
public sealed class SpinBudgetTests
{
    private const int Maximum = 100;

    private static readonly long ShortWait = SpinBudget.ShortWaitTicks;

    private static readonly long LongWait = SpinBudget.ShortWaitTicks + 1;

    [Theory]
    [InlineData(4, 8)]
    [InlineData(0, 1)]
    [InlineData(80, Maximum)]
    [InlineData(Maximum, Maximum)]
    public void ShortWait_GrowsUpToMaximum(int budget, int expected)
    {
        Assert.Equal(expected, SpinBudget.AfterWait(budget, Maximum, ShortWait));
    }

    [Theory]
    [InlineData(Maximum, 50)]
    [InlineData(3, 1)]
    [InlineData(1, 0)]
    [InlineData(0, 0)]
    public void LongWait_HalvesDownToZero(int budget, int expected)
    {
        Assert.Equal(expected, SpinBudget.AfterWait(budget, Maximum, LongWait));
    }

    [Fact]
    public void ZeroMaximum_NeverSpins()
    {
        Assert.Equal(0, SpinBudget.AfterWait(0, maximum: 0, ShortWait));
    }

    [Fact]
    public void LongWaits_StopSpinningWithinEightSleeps()
    {
        var budget = Maximum;
        for (var sleep = 0; sleep < 8; sleep++)
        {
            budget = SpinBudget.AfterWait(budget, Maximum, LongWait);
        }

        Assert.Equal(0, budget);
    }
}
