namespace ProducerConsumer.Cli.Running;

/// <summary>
/// Chooses how many items a measured run samples item latency from. Recording one latency costs about 20 to 35 ns
/// (see docs/benchmarks.md), which in a pipeline that moves an item in 10 ns would be measured as the engine's
/// throughput. A run of more than <see cref="TargetSamples"/> items therefore records one item in every N of each
/// consumer, with N the item count divided by <see cref="TargetSamples"/> and rounded up, so that a run records
/// from half of <see cref="TargetSamples"/> to all of it.
/// </summary>
internal static class LatencySampling
{
    /// <summary>
    /// The maximum number of latencies a run records, give or take one per consumer: a p99 then rests on up to a
    /// thousand values above it. A run with no more items records every item.
    /// </summary>
    public const int TargetSamples = 100_000;

    /// <summary>Returns N, so that each consumer records the latency of one item in every N it finishes.</summary>
    public static int EveryFor(long items) => (int)Math.Clamp((items + TargetSamples - 1) / TargetSamples, 1, int.MaxValue);
}
