namespace ProducerConsumer.Cli.Metrics;

/// <summary>What a <see cref="RunMetricsCollector"/> gathered during one engine's run.</summary>
/// <param name="Engine">The engine tag the measurements carried.</param>
/// <param name="Elapsed">Time from the collector's start to its stop, which includes the engine's start and stop.</param>
/// <param name="ProducedPerProducer">Items each producer handed to the buffer, from the produced counter.</param>
/// <param name="ConsumedPerConsumer">Items each consumer finished, from the consumed counter.</param>
/// <param name="UnattributedItems">Produced or consumed items whose worker index was missing or out of range.</param>
/// <param name="DepthSamples">The buffer depth gauge, read every sample interval while the run was registered.</param>
/// <param name="SamplesWithSeveralRuns">
/// Depth readings that found more than one run with this engine tag, which means another run in the process
/// mixed its measurements into these.
/// </param>
/// <param name="ProducerWait">Each wait of a producer for room in the buffer.</param>
/// <param name="ConsumerWait">Each wait of a consumer for its next item.</param>
/// <param name="ItemLatency">Each item's time from the buffer accepting it to a consumer finishing it.</param>
/// <param name="StartWorkingSetBytes">The process's working set when the collector started.</param>
/// <param name="PeakWorkingSetBytes">
/// The largest process working set read during the run, at every sample and at start and stop. It is the whole
/// process, the console app included, and a peak shorter than the sample interval can be missed.
/// </param>
/// <param name="GcCollections">Garbage collections in the process during the run.</param>
internal sealed record RunMetrics(
    string Engine,
    TimeSpan Elapsed,
    IReadOnlyList<long> ProducedPerProducer,
    IReadOnlyList<long> ConsumedPerConsumer,
    long UnattributedItems,
    IReadOnlyList<DepthSample> DepthSamples,
    int SamplesWithSeveralRuns,
    HistogramSnapshot ProducerWait,
    HistogramSnapshot ConsumerWait,
    HistogramSnapshot ItemLatency,
    long StartWorkingSetBytes,
    long PeakWorkingSetBytes,
    GcCollections GcCollections)
{
    public long Produced => ProducedPerProducer.Sum();

    public long Consumed => ConsumedPerConsumer.Sum();

    /// <summary>The mean of the depth samples, or <c>null</c> when the gauge was never read during the run.</summary>
    public double? MeanDepth => DepthSamples.Count == 0 ? null : DepthSamples.Average(sample => (double)sample.Depth);

    /// <summary>The largest depth sample, or <c>null</c> when the gauge was never read during the run.</summary>
    public int? MaxSampledDepth => DepthSamples.Count == 0 ? null : DepthSamples.Max(sample => sample.Depth);

    public Fairness? ProducerFairness => Fairness.Of(ProducedPerProducer);

    public Fairness? ConsumerFairness => Fairness.Of(ConsumedPerConsumer);
}
