using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Cases;

/// <summary>
/// One shape of the benchmark workload: how many producers and consumers move the integers through a buffer of
/// which capacity, and how much CPU work each consumer does per item.
/// </summary>
/// <param name="Producers">The number of producers.</param>
/// <param name="Consumers">The number of consumers.</param>
/// <param name="Capacity">The buffer's capacity in items.</param>
/// <param name="ConsumerCpuIterations">Iterations of the workload's CPU loop per consumed item; 0 for none.</param>
/// <remarks>
/// BenchmarkDotNet sorts parameter values that are <see cref="IComparable"/> with <see cref="CompareTo"/>, and
/// all others by their text, which would put <c>K=1024</c> before <c>K=16</c>.
/// </remarks>
public sealed record PipelineCase(int Producers, int Consumers, int Capacity, int ConsumerCpuIterations) : IComparable
{
    /// <summary>
    /// CPU loop iterations per item in the consumer-bound cases: about 2.4 µs per item on the 2.6 GHz AMD EPYC
    /// of docs/benchmarks.md, over ten times what Channels or the batched engines spend moving an item.
    /// </summary>
    public const int CpuBoundIterations = 2_000;

    /// <summary>The buffer capacity of the consumer-bound cases.</summary>
    public const int CpuBoundCapacity = 64;

    /// <summary>Every case, in the order the summary table lists them.</summary>
    public static IReadOnlyList<PipelineCase> All { get; } =
    [
        new(1, 1, 1, 0),
        new(1, 1, 16, 0),
        new(1, 1, 1024, 0),
        new(4, 4, 1024, 0),
        new(1, 1, CpuBoundCapacity, CpuBoundIterations),
        new(1, 2, CpuBoundCapacity, CpuBoundIterations),
    ];

    /// <summary>The consumers' simulated work: a fixed CPU loop per item, or none.</summary>
    public ItemWork ConsumerWork =>
        ConsumerCpuIterations == 0 ? ItemWork.None : new ItemWork(TimeSpan.Zero, ConsumerCpuIterations, Random: false);

    /// <summary>Builds the engines' settings for this case with the given maximum batch.</summary>
    public PipelineSettings ToSettings(int maxBatch) =>
        PipelineSettings.Create(Capacity, Producers, Consumers, maxBatch) with { ConsumerWork = ConsumerWork };

    /// <summary>Orders cases as <see cref="All"/> lists them: by consumer work, producers, consumers, then capacity.</summary>
    public int CompareTo(object? obj)
    {
        if (obj is not PipelineCase other)
        {
            throw new ArgumentException($"Cannot compare a {nameof(PipelineCase)} with {obj?.GetType().Name ?? "null"}.", nameof(obj));
        }

        return (ConsumerCpuIterations, Producers, Consumers, Capacity).CompareTo(
            (other.ConsumerCpuIterations, other.Producers, other.Consumers, other.Capacity));
    }

    /// <summary>A short label for the summary table, such as <c>4x4 K=1024</c> or <c>1x2 K=64 cpu=2000</c>.</summary>
    public override string ToString()
    {
        var label = $"{Producers}x{Consumers} K={Capacity}";
        return ConsumerCpuIterations == 0 ? label : $"{label} cpu={ConsumerCpuIterations}";
    }
}
