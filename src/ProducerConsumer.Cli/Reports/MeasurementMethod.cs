using ProducerConsumer.Cli.Metrics;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Diagnostics;

namespace ProducerConsumer.Cli.Reports;

/// <summary>How each number of the report is measured, one sentence or two per measure, for the Markdown report.</summary>
internal static class MeasurementMethod
{
    private static readonly string SampleInterval = Units.Duration(RunMetricsCollector.DefaultSampleInterval.TotalSeconds);

    public static IReadOnlyList<string> Lines { get; } =
    [
        "Throughput is the items that reached the sink divided by the engine's elapsed time, from its first producer's start to its last consumer's stop. "
            + "Each engine first runs for about a second on generated integers, unmeasured, so that its code is compiled before it is measured.",
        $"Both engines record through the meter {PipelineMetrics.MeterName}. One MeterListener per run keeps the measurements tagged with that run's engine, so both engines are measured by the same code; the engines run one after the other.",
        $"Latency ({PipelineMetrics.ItemLatencyName}) is the time from the buffer accepting an item to a consumer finishing it. "
            + "Percentiles use the nearest-rank rule over a histogram with 32 logarithmic buckets per power of two, so each is within about 1.6 % of the exact value; single values are not stored. "
            + $"A run of more than {LatencySampling.TargetSamples:N0} items samples: each consumer records its first item and then one in every N, with N the item count divided by {LatencySampling.TargetSamples:N0} and rounded up, because recording every item would cost more than moving it. "
            + "The actor engine stamps a batch with its oldest item's acceptance time, which overstates the latency of the batch's other items.",
        $"Producer wait ({PipelineMetrics.ProducerWaitName}) is each wait of a producer for room: for credit in the actor engine, in Monitor.Wait in the threaded engine. "
            + $"Consumer wait ({PipelineMetrics.ConsumerWaitName}) is each wait of a consumer for its next item. A total adds up every worker's waits, so with several workers it can exceed the elapsed time; p95 is of one wait.",
        $"The max buffer depth is the engine's own exact maximum. The mean depth and the depth charts come from reading the gauge {PipelineMetrics.BufferDepthName} every {SampleInterval}, so they are samples.",
        $"Fairness is Jain's index (Σx)²/(n·Σx²) over the items each producer or consumer moved ({PipelineMetrics.ItemsProducedName} and {PipelineMetrics.ItemsConsumedName}): 1 when all moved the same number, 1/n when one moved them all. "
            + "The shares are the smallest and the largest worker's part of all items.",
        $"Peak working set is the largest Environment.WorkingSet read at the start, every {SampleInterval} and at the end of the run. It covers the whole process, the console app included, and a peak shorter than the interval can be missed. "
            + "Process.PeakWorkingSet64 is not used, because it keeps the peak of the whole process's life, earlier runs included.",
        "A full garbage collection runs before each engine, so an engine does not pay for the previous one's garbage. GC collections are the differences of GC.CollectionCount per generation over the run; a gen2 collection counts in gen0 and gen1 too.",
    ];
}
