namespace ProducerConsumer.Engines;

/// <summary>
/// The shape of one pipeline run, shared by every engine so that runs compare item for item.
/// </summary>
/// <param name="Capacity">The maximum number of items the buffer holds.</param>
/// <param name="Producers">The number of producers.</param>
/// <param name="Consumers">The number of consumers.</param>
/// <param name="MaxBatch">
/// The maximum number of items one message carries in the actor engine: demand, credit and item messages carry
/// counts up to this value. 1 is the literal per-item protocol (demand 1, ack 1).
/// </param>
/// <param name="ProducerWork">The simulated cost of producing one item.</param>
/// <param name="ConsumerWork">The simulated cost of consuming one item.</param>
/// <param name="Seed">The seed of every random choice in the run.</param>
public sealed record PipelineSettings(
    int Capacity,
    int Producers,
    int Consumers,
    int MaxBatch,
    Workloads.ItemWork ProducerWork,
    Workloads.ItemWork ConsumerWork,
    int Seed)
{
    /// <summary>
    /// The default maximum batch. Akka's cost is per message, so the actor engine's throughput rose almost in
    /// proportion to the batch size: from 18 to 102 million items per second for batches of 16 to 256 items, at
    /// capacity 1024 on a 2-core VM. The p99 latency fell with it. Larger batches are left to the settings, because a consumer may
    /// hold up to one batch of items it has not finished.
    /// </summary>
    public const int DefaultMaxBatch = 256;

    /// <summary>
    /// The <c>run</c> tag of the run's measurements, so that a listener can separate two runs of one engine that
    /// overlap in a process. With <c>null</c>, the run gets a fresh identifier from <see cref="PipelineCounters.NewRunId"/>.
    /// </summary>
    public string? RunId { get; init; }

    /// <summary>
    /// Each consumer records the latency of its first finished item and then of one in every this many, while
    /// latency is listened to. 1, the default, records every item. Recording one item's latency costs about 20 to
    /// 35 ns, which in a fast pipeline is more than moving the item, so a long measured run samples instead.
    /// </summary>
    public int LatencySampleEvery { get; init; } = 1;

    /// <summary>Creates settings with no simulated work.</summary>
    public static PipelineSettings Create(int capacity, int producers, int consumers, int maxBatch = DefaultMaxBatch, int seed = 1) =>
        new(capacity, producers, consumers, maxBatch, Workloads.ItemWork.None, Workloads.ItemWork.None, seed);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that is out of range.</summary>
    public PipelineSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(Producers, 1, nameof(Producers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Consumers, 1, nameof(Consumers));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatch, 1, nameof(MaxBatch));
        ArgumentOutOfRangeException.ThrowIfLessThan(LatencySampleEvery, 1, nameof(LatencySampleEvery));
        return this;
    }
}
