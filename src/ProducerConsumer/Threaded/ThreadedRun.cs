using System.Diagnostics;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Threaded;

/// <summary>
/// One run of the <see cref="ThreadedEngine"/>: its buffer, counters and threads. Producers and consumers are
/// named background threads, and a coordinator thread joins them, so the caller's thread never blocks.
/// </summary>
/// <remarks>
/// Shutdown: the coordinator waits for every producer, then puts one poison pill per consumer. The pills follow
/// every item in the buffer, so a consumer that takes a pill has nothing left to do. A failure anywhere fails the
/// buffer, which wakes every blocked put and take with <see cref="BufferFailedException"/>, so no thread stays
/// blocked on the buffer. A thread blocked inside the source or the sink can still delay the end of the run.
/// </remarks>
internal sealed class ThreadedRun<T>
{
    private readonly PipelineSettings _settings;

    private readonly IItemSource<T> _source;

    private readonly IItemSink<T> _sink;

    /// <summary>
    /// Items read per source call and moved per put. At most the capacity, because a larger batch could not pass
    /// the buffer under one lock anyway, and this keeps each thread's arrays within the buffer's size.
    /// </summary>
    private readonly int _batchSize;

    /// <summary>
    /// The maximum items one take removes: the batch size, but at most half the capacity (and at least 1). A consumer
    /// that empties a full buffer leaves nothing for the other consumers, so they wait until the woken producer
    /// gets a core. With CPU-bound consumers on 2 cores, the short benchmark job measured 2 consumers at 1.37 times
    /// the rate of 1 while takes could empty the buffer, and at 1.89 times with takes of at most half.
    /// </summary>
    private readonly int _takeSize;

    private readonly MonitorBoundedBuffer<Envelope<T>> _buffer;

    private readonly PipelineCounters _counters;

    /// <summary>Measures from the start of the first thread to the stop of the last consumer.</summary>
    private readonly Stopwatch _stopwatch = new();

    /// <summary>
    /// The run's outcome. Continuations run asynchronously so that the caller's code never runs on the coordinator.
    /// </summary>
    private readonly TaskCompletionSource<PipelineRun> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first failure. Later ones are not kept, because the first one already stopped the run.</summary>
    private Failure? _failure;

    public ThreadedRun(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, int? spinCount)
    {
        _settings = settings;
        _source = source;
        _sink = sink;
        _batchSize = Math.Min(settings.MaxBatch, settings.Capacity);
        _takeSize = Math.Max(1, Math.Min(_batchSize, settings.Capacity / 2));
        // Acceptance is always tracked, at one timestamp per put, so that a listener attached mid-run sees latency.
        _buffer = new MonitorBoundedBuffer<Envelope<T>>(settings.Capacity, spinCount, trackAcceptance: true);
        _counters = new PipelineCounters(settings.Producers, settings.Consumers, ThreadedEngine.EngineName, settings.RunId)
        {
            // NOTE: after the last item, the gauge counts the poison pills in the buffer as depth. The run's max
            // depth is read before the pills are put, so it counts items only.
            DepthProbe = () => _buffer.CountHint,
        };
    }

    /// <summary>Starts every thread and returns the task that completes when all of them have stopped.</summary>
    public Task<PipelineRun> Start(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<PipelineRun>(cancellationToken);
        }

        // Cancellation fails the buffer like any other failure, so blocked threads wake and stop.
        var registration = cancellationToken.Register(
            () => RecordFailure("cancellation", new OperationCanceledException(cancellationToken)));

        _stopwatch.Start();

        // Consumers start first so that the first items find a consumer already waiting.
        var consumers = StartWorkers("consumer", _settings.Consumers, Consume);
        var producers = StartWorkers("producer", _settings.Producers, Produce);

        var coordinator = new Thread(() => Coordinate(producers, consumers, registration, cancellationToken))
        {
            Name = $"{ThreadedEngine.EngineName}-coordinator",
            IsBackground = true,
        };
        coordinator.Start();

        return _completion.Task;
    }

    private Thread[] StartWorkers(string role, int count, Action<int> body)
    {
        var threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            threads[i] = new Thread(() => RunWorker(role, index, body))
            {
                Name = $"{ThreadedEngine.EngineName}-{role}-{index}",
                IsBackground = true,
            };
            threads[i].Start();
        }

        return threads;
    }

    /// <summary>Runs one producer or consumer and records its exception, so that no exception escapes the thread.</summary>
    private void RunWorker(string role, int index, Action<int> body)
    {
        try
        {
            body(index);
        }
        catch (BufferFailedException)
        {
            // The buffer is failed only after the first failure was recorded, so this thread just stops.
        }
        catch (Exception error)
        {
            RecordFailure($"{role} {index}", error);
        }
    }

    private void Produce(int index)
    {
        var work = new WorkSimulator(_settings.ProducerWork, WorkSimulator.SeedFor(_settings.Seed, "producer", index));
        var items = new T[_batchSize];
        var envelopes = new Envelope<T>[_batchSize];

        while (true)
        {
            var read = _source.Read(items);
            if (read == 0)
            {
                return;
            }

            for (var i = 0; i < read; i++)
            {
                if (!work.IsNone)
                {
                    // A failed run stops here too, so that slow per-item work does not delay the end of the run.
                    if (_buffer.IsFailed)
                    {
                        return;
                    }

                    work.Perform();
                }

                envelopes[i] = Envelope<T>.Of(items[i]);
            }

            // Every hand-off's blocking time counts as a wait, as every credit wait does in the actor engine.
            var putStart = PipelineCounters.ProducerWaitEnabled ? Stopwatch.GetTimestamp() : 0;
            _buffer.PutMany(envelopes.AsSpan(0, read));
            if (putStart != 0)
            {
                _counters.RecordProducerWait(index, putStart);
            }

            _counters.AddProduced(index, read);
        }
    }

    private void Consume(int index)
    {
        var work = new WorkSimulator(_settings.ConsumerWork, WorkSimulator.SeedFor(_settings.Seed, "consumer", index));
        var envelopes = new Envelope<T>[_takeSize];
        var acceptedAt = new long[_takeSize];
        var latencySample = new LatencySampler(_settings.LatencySampleEvery);

        while (true)
        {
            var takeStart = PipelineCounters.ConsumerWaitEnabled ? Stopwatch.GetTimestamp() : 0;
            var takenCount = _buffer.TakeMany(envelopes, acceptedAt);
            if (takeStart != 0)
            {
                _counters.RecordConsumerWait(index, takeStart);
            }

            // Counts are recorded once per batch, as in the actor engine, so both pay the same for metrics.
            var finished = 0;
            var sampleAt = PipelineCounters.LatencyEnabled ? latencySample.NextOffset : -1;
            try
            {
                for (var i = 0; i < takenCount; i++)
                {
                    if (envelopes[i].IsPoisonPill)
                    {
                        ReturnSurplusPills(envelopes.AsSpan(i + 1, takenCount - i - 1));
                        return;
                    }

                    // A failed run stops between items, so that a consumer does not finish a batch the failed run discards.
                    if (_buffer.IsFailed)
                    {
                        return;
                    }

                    if (!work.IsNone)
                    {
                        work.Perform();
                    }

                    _sink.Write(envelopes[i].Item);
                    finished++;
                    if (i == sampleAt)
                    {
                        _counters.RecordLatency(acceptedAt[i], Stopwatch.GetTimestamp());
                        sampleAt += latencySample.Every;
                    }
                }
            }
            finally
            {
                latencySample.Advance(finished);
                if (finished > 0)
                {
                    _counters.AddConsumed(index, finished);
                }
            }
        }
    }

    /// <summary>
    /// Puts back the pills that one take removed after the consumer's own pill. Pills are put only after every
    /// producer finished, so everything after the first pill of a batch is pills, and they belong to other
    /// consumers. The put cannot block for good. While it waits, the buffer holds only pills, and every pill that
    /// no consumer has kept stands for a consumer that has no pill yet, is still taking, and so frees a slot.
    /// </summary>
    private void ReturnSurplusPills(ReadOnlySpan<Envelope<T>> rest)
    {
        foreach (var envelope in rest)
        {
            Debug.Assert(envelope.IsPoisonPill, "Every envelope after a poison pill must be a poison pill, because pills are put after the last item.");
        }

        _buffer.PutMany(rest);
    }

    private void Coordinate(Thread[] producers, Thread[] consumers, CancellationTokenRegistration registration, CancellationToken cancellationToken)
    {
        try
        {
            JoinAll(producers);

            // Every item was put before the last producer stopped, so the depth read here counts items, not pills.
            _counters.ObserveDepth(_buffer.MaxDepth);

            PutPoisonPills();
            JoinAll(consumers);
            _stopwatch.Stop();
        }
        catch (Exception error)
        {
            // Only a defect in this class gets here. Failing the run releases the workers, so the task still ends.
            RecordFailure("the coordinator", error);
        }
        finally
        {
            registration.Dispose();
            _counters.Dispose();
            Complete(cancellationToken);
        }
    }

    private void PutPoisonPills()
    {
        try
        {
            for (var i = 0; i < _settings.Consumers; i++)
            {
                _buffer.Put(Envelope<T>.PoisonPill);
            }
        }
        catch (BufferFailedException)
        {
            // The failure already woke every consumer, so none waits for a pill.
        }
    }

    private static void JoinAll(Thread[] threads)
    {
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private void Complete(CancellationToken cancellationToken)
    {
        var failure = Volatile.Read(ref _failure);
        if (failure is null)
        {
            _completion.TrySetResult(_counters.ToRun(ThreadedEngine.EngineName, _settings, _stopwatch.Elapsed));
        }
        else if (failure.Error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
        else
        {
            var message = $"The threaded pipeline failed because {failure.Worker} threw {failure.Error.GetType().Name}: {failure.Error.Message}";
            _completion.TrySetException(new PipelineFailedException(message, failure.Error));
        }
    }

    /// <summary>Keeps the first failure and fails the buffer, which wakes every blocked thread.</summary>
    private void RecordFailure(string worker, Exception error)
    {
        Interlocked.CompareExchange(ref _failure, new Failure(worker, error), null);
        _buffer.Fail(error);
    }

    /// <summary>An exception and the thread it stopped, such as <c>consumer 2</c>.</summary>
    private sealed record Failure(string Worker, Exception Error);
}
