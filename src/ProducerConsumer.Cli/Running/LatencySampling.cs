namespace ProducerConsumer.Cli.Running;

/// <summary>
/// Chooses how many items a measured run samples item latency from. Recording one latency costs about 20 to 35 ns
/// (see docs/benchmarks.md), which in a pipeline that moves an item in 10 ns would be measured as the engine's
/// throughput. A long run therefore records one item in every N of each consumer, so that about
/// <see cref="TargetSamples"/> latencies are recorded whatever the run's length.
/// </summary>
internal static class LatencySampling
{
    /// <summary>
    /// The number of latencies a run aims for: its p99 then rests on about a thousand values above it. A run with
    /// fewer items records every item.
    /// </summary>
    public const int TargetSamples = 100_000;

    /// <summary>Returns N, so that each consumer records the latency of one item in every N it finishes.</summary>
    public static int EveryFor(long items) => (int)Math.Clamp(items / TargetSamples, 1, int.MaxValue);
}
