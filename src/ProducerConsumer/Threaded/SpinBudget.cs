using System.Diagnostics;

namespace ProducerConsumer.Threaded;

/// <summary>
/// The adaptive spin policy of <see cref="MonitorBoundedBuffer{T}"/>: how many spin iterations a blocked put or
/// take tries before it sleeps, learnt from how long the sleeps turned out to be.
/// </summary>
/// <remarks>
/// Spinning pays only when the other side ends the wait within about the spin's length. A put that sleeps and is
/// woken soon after shows that a longer spin would have won, so the budget doubles, up to the maximum. A long
/// sleep shows that the other side is busy for longer than any spin, as with CPU-bound consumers behind a full
/// buffer, so the budget halves. At 0 a blocked thread sleeps at once, and a short sleep brings spinning back.
/// </remarks>
internal static class SpinBudget
{
    /// <summary>
    /// The maximum sleep that still counts as short, 50 µs: about twice the roughly 25 µs that a full spin of
    /// <see cref="MonitorBoundedBuffer{T}.DefaultMultiprocessorSpinCount"/> iterations lasts.
    /// </summary>
    public static readonly long ShortWaitTicks = Stopwatch.Frequency * 50 / 1_000_000;

    /// <summary>Returns the next budget after a blocked put or take slept for <paramref name="waitedTicks"/>.</summary>
    /// <param name="budget">The budget the put or take spun with before it slept.</param>
    /// <param name="maximum">The largest budget, which is also the budget after a spin that won.</param>
    /// <param name="waitedTicks">How long the sleep lasted, in <see cref="Stopwatch"/> ticks.</param>
    public static int AfterWait(int budget, int maximum, long waitedTicks) =>
        waitedTicks <= ShortWaitTicks
            ? Math.Min(maximum, Math.Max(1, budget * 2))
            : budget / 2;
}
