using System.Diagnostics;
using System.Diagnostics.Metrics;
using ProducerConsumer.Diagnostics;

namespace ProducerConsumer.Cli.Metrics;

/// <summary>
/// Listens to the product's meter during one engine's run and aggregates what the report shows: items per producer
/// and per consumer, the buffer depth over time, producer and consumer waits, item latency, the process's working
/// set and its garbage collections. Both engines are measured by this same code.
/// </summary>
/// <remarks>
/// Only measurements whose <c>engine</c> tag matches are kept. When the collector is given a run identifier, the
/// <c>run</c> tag must match too, which keeps out runs that overlap in the same process, such as tests running in
/// parallel. A collector without a run identifier takes every run of the engine, and its depth readings count
/// the samples in which several runs were found. The listener callbacks take no lock: counts and histogram buckets
/// are <see cref="Interlocked"/> adds, and the depth gauge is read on the sampling thread only.
/// </remarks>
internal sealed class RunMetricsCollector : IDisposable
{
    /// <summary>How often the depth gauge and the working set are read: often enough for a chart of a one-second run.</summary>
    public static readonly TimeSpan DefaultSampleInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>The listener state that marks the depth gauge; the other instruments carry their aggregate as state.</summary>
    private static readonly object s_depthGauge = new();

    private readonly string _engine;

    private readonly string? _runId;

    private readonly string _meterName;

    private readonly TimeSpan _sampleInterval;

    private readonly WorkerCounts _produced;

    private readonly WorkerCounts _consumed;

    private readonly LogHistogram _producerWait = new();

    private readonly LogHistogram _consumerWait = new();

    private readonly LogHistogram _itemLatency = new();

    private readonly MeterListener _listener = new();

    /// <summary>Measures from <see cref="Start"/>; each depth sample carries its reading.</summary>
    private readonly Stopwatch _stopwatch = new();

    /// <summary>Set by <see cref="Stop"/> to end the sampling loop without waiting for its next interval.</summary>
    private readonly ManualResetEventSlim _stopSampling = new();

    /// <summary>Written by the sampling thread only, and read after that thread has ended.</summary>
    private readonly List<DepthSample> _depthSamples = [];

    private Thread? _sampler;

    private GcCollections? _collectionsAtStart;

    private long _startWorkingSet;

    /// <summary>Written by the sampling thread, and by the caller's thread only before it starts or after it ends.</summary>
    private long _peakWorkingSet;

    /// <summary>The last depth read, or -1 before the first reading that found the run.</summary>
    private int _latestDepth = -1;

    /// <summary>Runs with this engine tag that the current depth reading found; touched only on the sampling thread.</summary>
    private int _runsInReading;

    /// <summary>The largest depth of the current reading; touched only on the sampling thread.</summary>
    private int _depthInReading;

    private int _samplesWithSeveralRuns;

    private RunMetrics? _result;

    /// <param name="engine">The <c>engine</c> tag to keep, such as <c>actor</c> or <c>threaded</c>.</param>
    /// <param name="producers">The run's number of producers.</param>
    /// <param name="consumers">The run's number of consumers.</param>
    /// <param name="sampleInterval">How often to read the depth gauge and the working set; <c>null</c> for <see cref="DefaultSampleInterval"/>.</param>
    /// <param name="meterName">The meter to listen to; tests pass a meter of their own.</param>
    /// <param name="runId">The <c>run</c> tag to keep, as given in <see cref="Engines.PipelineSettings.RunId"/>, or <c>null</c> to keep every run of the engine.</param>
    public RunMetricsCollector(
        string engine, int producers, int consumers, TimeSpan? sampleInterval = null, string meterName = PipelineMetrics.MeterName, string? runId = null)
    {
        var interval = sampleInterval ?? DefaultSampleInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(sampleInterval));

        _engine = engine;
        _runId = runId;
        _meterName = meterName;
        _sampleInterval = interval;
        _produced = new WorkerCounts(PipelineMetrics.ProducerTagName, producers);
        _consumed = new WorkerCounts(PipelineMetrics.ConsumerTagName, consumers);

        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.SetMeasurementEventCallback<int>(OnDepth);
    }

    /// <summary>Items consumed so far, for a progress display; safe to read while the run goes on.</summary>
    public long ConsumedSoFar => _consumed.Total;

    /// <summary>The buffer depth at the last reading, or <c>null</c> before the gauge found the run.</summary>
    public int? LatestDepth => Volatile.Read(ref _latestDepth) is var depth and >= 0 ? depth : null;

    /// <summary>
    /// Settles the heap with a full collection, so the run does not pay for the garbage of an earlier one, then
    /// reads the starting collection counts and working set and starts listening and sampling.
    /// </summary>
    /// <exception cref="InvalidOperationException">The collector was started before.</exception>
    public void Start()
    {
        if (_collectionsAtStart is not null)
        {
            throw new InvalidOperationException($"The metrics collector of the {_engine} engine was already started; create one collector per run.");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        _collectionsAtStart = GcCollections.Now();
        _startWorkingSet = ReadWorkingSet();
        _peakWorkingSet = _startWorkingSet;

        _listener.Start();
        _stopwatch.Start();

        _sampler = new Thread(SampleUntilStopped) { Name = $"metrics-sampler-{_engine}", IsBackground = true };
        _sampler.Start();
    }

    /// <summary>Stops sampling and listening, and returns what was gathered. Later calls return the same result.</summary>
    /// <exception cref="InvalidOperationException">The collector was never started.</exception>
    public RunMetrics Stop()
    {
        if (_result is not null)
        {
            return _result;
        }

        if (_collectionsAtStart is null || _sampler is null)
        {
            throw new InvalidOperationException($"The metrics collector of the {_engine} engine was stopped before it was started.");
        }

        _stopSampling.Set();
        _sampler.Join();
        _stopwatch.Stop();
        _listener.Dispose();

        _peakWorkingSet = Math.Max(_peakWorkingSet, ReadWorkingSet());
        var collections = GcCollections.Now().Since(_collectionsAtStart);

        _result = new RunMetrics(
            _engine,
            _stopwatch.Elapsed,
            _produced.PerWorker(),
            _consumed.PerWorker(),
            _produced.Unattributed + _consumed.Unattributed,
            _depthSamples.ToArray(),
            _samplesWithSeveralRuns,
            _producerWait.Snapshot(),
            _consumerWait.Snapshot(),
            _itemLatency.Snapshot(),
            _startWorkingSet,
            _peakWorkingSet,
            collections);
        return _result;
    }

    /// <summary>Stops a collector that is still running, as after a failed run; a stopped one is left as it is.</summary>
    public void Dispose()
    {
        if (_sampler is not null && _result is null)
        {
            _stopSampling.Set();
            _sampler.Join();
        }

        _listener.Dispose();
        _stopSampling.Dispose();
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name != _meterName)
        {
            return;
        }

        object? state = instrument.Name switch
        {
            PipelineMetrics.ItemsProducedName => _produced,
            PipelineMetrics.ItemsConsumedName => _consumed,
            PipelineMetrics.ProducerWaitName => _producerWait,
            PipelineMetrics.ConsumerWaitName => _consumerWait,
            PipelineMetrics.ItemLatencyName => _itemLatency,
            PipelineMetrics.BufferDepthName => s_depthGauge,
            _ => null,
        };

        if (state is not null)
        {
            listener.EnableMeasurementEvents(instrument, state);
        }
    }

    private void OnCount(Instrument instrument, long count, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (state is WorkerCounts counts && IsThisRun(tags))
        {
            counts.Add(TagValue(tags, counts.TagName), count);
        }
    }

    private void OnDuration(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (state is LogHistogram histogram && IsThisRun(tags))
        {
            histogram.Record(seconds);
        }
    }

    /// <summary>Receives the gauge's readings, which arrive only during <see cref="MeterListener.RecordObservableInstruments"/> on the sampling thread.</summary>
    private void OnDepth(Instrument instrument, int depth, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (ReferenceEquals(state, s_depthGauge) && IsThisRun(tags))
        {
            _runsInReading++;
            _depthInReading = Math.Max(_depthInReading, depth);
        }
    }

    private void SampleUntilStopped()
    {
        // The first reading comes one interval after the start, when the engine has had time to register its run.
        while (!_stopSampling.Wait(_sampleInterval))
        {
            ReadDepth();
            _peakWorkingSet = Math.Max(_peakWorkingSet, ReadWorkingSet());
        }
    }

    private void ReadDepth()
    {
        _runsInReading = 0;
        _depthInReading = 0;
        _listener.RecordObservableInstruments();

        // No run found means the engine has not registered yet or has already finished, which is no depth at all.
        if (_runsInReading == 0)
        {
            return;
        }

        _depthSamples.Add(new DepthSample(_stopwatch.Elapsed.TotalSeconds, _depthInReading));
        Volatile.Write(ref _latestDepth, _depthInReading);
        if (_runsInReading > 1)
        {
            _samplesWithSeveralRuns++;
        }
    }

    /// <remarks>
    /// <see cref="Environment.WorkingSet"/> costs about 20 µs here. <c>Process.Refresh</c> with <c>WorkingSet64</c>
    /// reads the status of every thread of the process on Linux. That took 625 µs with 40 threads in a scratch
    /// program, and read every 20 ms it halved the threaded engine's throughput in a 5-million-item run on a
    /// 2-core VM.
    /// </remarks>
    private static long ReadWorkingSet() => Environment.WorkingSet;

    private bool IsThisRun(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        TagValue(tags, PipelineMetrics.EngineTagName) is string engine
        && engine == _engine
        && (_runId is null || (TagValue(tags, PipelineMetrics.RunTagName) is string run && run == _runId));

    private static object? TagValue(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
