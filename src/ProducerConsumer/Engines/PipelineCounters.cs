using System.Diagnostics;
using ProducerConsumer.Diagnostics;

namespace ProducerConsumer.Engines;

/// <summary>
/// The instrumentation of one run: per-worker counts that the run's result is built from, the buffer depth, and
/// the <see cref="PipelineMetrics"/> instruments, tagged with the engine and the run. Each count slot has exactly one writer
/// (one producer, one consumer, or the buffer), so updates are plain writes. The engine reads them only after
/// every writer has stopped.
/// </summary>
public sealed class PipelineCounters : IDisposable
{
    /// <summary>Slots are spaced a cache line apart so that writers on different cores do not share a line.</summary>
    private const int Stride = 8;

    private readonly long[] _produced;

    private readonly long[] _consumed;

    /// <summary>Pre-built tag pairs per worker, so that recording a count allocates nothing.</summary>
    private readonly KeyValuePair<string, object?>[] _producerTags;

    private readonly KeyValuePair<string, object?>[] _consumerTags;

    private static long s_lastRunId;

    private int _depth;

    private int _maxDepth;

    /// <param name="producers">The run's number of producers.</param>
    /// <param name="consumers">The run's number of consumers.</param>
    /// <param name="engine">The <c>engine</c> tag.</param>
    /// <param name="runId">The <c>run</c> tag, or <c>null</c> for a fresh one from <see cref="NewRunId"/>.</param>
    public PipelineCounters(int producers, int consumers, string engine = "actor", string? runId = null)
    {
        _produced = new long[producers * Stride];
        _consumed = new long[consumers * Stride];
        EngineTag = new KeyValuePair<string, object?>(PipelineMetrics.EngineTagName, engine);
        RunTag = new KeyValuePair<string, object?>(PipelineMetrics.RunTagName, runId ?? NewRunId());
        _producerTags = Enumerable.Range(0, producers).Select(i => new KeyValuePair<string, object?>(PipelineMetrics.ProducerTagName, i)).ToArray();
        _consumerTags = Enumerable.Range(0, consumers).Select(i => new KeyValuePair<string, object?>(PipelineMetrics.ConsumerTagName, i)).ToArray();

        PipelineMetrics.Register(this);
    }

    /// <summary>The <c>engine</c> tag of every measurement of this run.</summary>
    public KeyValuePair<string, object?> EngineTag { get; }

    /// <summary>The <c>run</c> tag of every measurement of this run.</summary>
    public KeyValuePair<string, object?> RunTag { get; }

    /// <summary>
    /// Reads the buffer's depth directly, for an engine whose buffer keeps its own count; when null, the depth is
    /// the last value given to <see cref="ObserveDepth"/>.
    /// </summary>
    public Func<int>? DepthProbe { get; init; }

    /// <summary>Items the buffer holds now.</summary>
    public int CurrentDepth => DepthProbe?.Invoke() ?? Volatile.Read(ref _depth);

    /// <summary>Returns an identifier that no other run of this process has, such as <c>run-7</c>.</summary>
    public static string NewRunId() => $"run-{Interlocked.Increment(ref s_lastRunId)}";

    /// <summary>Whether item latency is being listened to, so engines take per-item timestamps only then.</summary>
    public static bool LatencyEnabled => PipelineMetrics.ItemLatency.Enabled;

    /// <summary>Whether consumer waits are being listened to.</summary>
    public static bool ConsumerWaitEnabled => PipelineMetrics.ConsumerWait.Enabled;

    /// <summary>Whether producer waits are being listened to.</summary>
    public static bool ProducerWaitEnabled => PipelineMetrics.ProducerWait.Enabled;

    public void AddProduced(int producer, int count)
    {
        _produced[producer * Stride] += count;
        PipelineMetrics.ItemsProduced.Add(count, EngineTag, RunTag, _producerTags[producer]);
    }

    public void AddConsumed(int consumer, int count)
    {
        _consumed[consumer * Stride] += count;
        PipelineMetrics.ItemsConsumed.Add(count, EngineTag, RunTag, _consumerTags[consumer]);
    }

    /// <summary>Records that a producer waited for room from <paramref name="startTimestamp"/> until now.</summary>
    public void RecordProducerWait(int producer, long startTimestamp) =>
        PipelineMetrics.ProducerWait.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, EngineTag, RunTag, _producerTags[producer]);

    /// <summary>Records that a consumer waited for an item from <paramref name="startTimestamp"/> until now.</summary>
    public void RecordConsumerWait(int consumer, long startTimestamp) =>
        PipelineMetrics.ConsumerWait.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, EngineTag, RunTag, _consumerTags[consumer]);

    /// <summary>Records one item's latency from its acceptance by the buffer to <paramref name="nowTimestamp"/>.</summary>
    public void RecordLatency(long acceptedTimestamp, long nowTimestamp) =>
        PipelineMetrics.ItemLatency.Record(Stopwatch.GetElapsedTime(acceptedTimestamp, nowTimestamp).TotalSeconds, EngineTag, RunTag);

    /// <summary>Sets the current depth and raises the maximum; called only by the buffer's single writer.</summary>
    public void ObserveDepth(int depth)
    {
        Volatile.Write(ref _depth, depth);
        if (depth > _maxDepth)
        {
            _maxDepth = depth;
        }
    }

    /// <summary>Sets the current depth and raises the maximum from any thread holding the buffer's lock.</summary>
    public void ObserveDepthConcurrent(int depth)
    {
        Volatile.Write(ref _depth, depth);

        var current = Volatile.Read(ref _maxDepth);
        while (depth > current)
        {
            var seen = Interlocked.CompareExchange(ref _maxDepth, depth, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Builds the run record once every producer, consumer and the buffer has stopped.</summary>
    public PipelineRun ToRun(string engine, PipelineSettings settings, TimeSpan elapsed) =>
        new(engine, settings, elapsed, Slots(_produced), Slots(_consumed), Volatile.Read(ref _maxDepth));

    /// <summary>Removes the run from the depth gauge.</summary>
    public void Dispose() => PipelineMetrics.Unregister(this);

    private static long[] Slots(long[] strided)
    {
        var values = new long[strided.Length / Stride];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Volatile.Read(ref strided[i * Stride]);
        }

        return values;
    }
}
