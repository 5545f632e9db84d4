namespace ProducerConsumer.Workloads;

/// <summary>
/// The simulated cost of producing or consuming one item: a delay (waiting without CPU, as for I/O), a fixed
/// amount of CPU work, or both. With <see cref="Random"/> set, each item's cost is drawn uniformly from zero to
/// twice the configured value, so the mean stays the configured value.
/// </summary>
/// <param name="Delay">The time to wait per item; <see cref="TimeSpan.Zero"/> for none.</param>
/// <param name="CpuIterations">Iterations of a CPU-bound loop per item; 0 for none.</param>
/// <param name="Random">Whether each item's cost is random around the configured value.</param>
public sealed record ItemWork(TimeSpan Delay, int CpuIterations, bool Random)
{
    /// <summary>No work: the item is handed on at once.</summary>
    public static ItemWork None { get; } = new(TimeSpan.Zero, 0, false);

    /// <summary>
    /// Items handled back to back before each <see cref="BurstPause"/>; 0 for no bursts. With bursts, a worker
    /// alternates between a burst of items and a pause, as a producer fed by batch jobs does.
    /// </summary>
    public int BurstSize { get; init; }

    /// <summary>The pause after each burst of <see cref="BurstSize"/> items.</summary>
    public TimeSpan BurstPause { get; init; }

    /// <summary>Whether an item costs nothing, so engines can skip the work step entirely.</summary>
    public bool IsNone => Delay == TimeSpan.Zero && CpuIterations == 0 && !HasBursts;

    /// <summary>Whether the work waits, so engines that must not block a thread wait asynchronously.</summary>
    public bool HasDelay => Delay > TimeSpan.Zero || HasBursts;

    /// <summary>Whether the worker pauses after every burst.</summary>
    public bool HasBursts => BurstSize > 0 && BurstPause > TimeSpan.Zero;

    public override string ToString()
    {
        if (IsNone)
        {
            return "none";
        }

        var parts = new List<string>(3);
        if (Delay > TimeSpan.Zero)
        {
            parts.Add($"delay {Delay.TotalMilliseconds:0.###} ms");
        }

        if (CpuIterations > 0)
        {
            parts.Add($"cpu {CpuIterations} iterations");
        }

        if (HasBursts)
        {
            parts.Add($"pause {BurstPause.TotalMilliseconds:0.###} ms every {BurstSize} items");
        }

        return string.Join(" + ", parts) + (Random ? " (random)" : "");
    }
}
