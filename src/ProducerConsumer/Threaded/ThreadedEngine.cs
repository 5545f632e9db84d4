using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Threaded;

/// <summary>
/// Runs the pipeline on plain threads around a <see cref="MonitorBoundedBuffer{T}"/>: one thread per producer, one
/// per consumer, and a coordinator that shuts the consumers down with one poison pill each once every producer
/// has finished.
/// </summary>
/// <remarks>
/// <see cref="PipelineSettings.MaxBatch"/> caps the items a producer reads per source call and the items one put or
/// take moves under the buffer's lock, so a maximum batch of 1 hands items over one at a time, as in the actor
/// engine's per-item protocol.
/// </remarks>
public sealed class ThreadedEngine : IPipelineEngine
{
    internal const string EngineName = "threaded";

    /// <summary>The buffer's spin count, or <c>null</c> for <see cref="MonitorBoundedBuffer{T}.DefaultSpinCount"/>.</summary>
    private readonly int? _spinCount;

    /// <param name="spinCount">
    /// Spin iterations before a blocked put or take sleeps, 0 to sleep at once, or <c>null</c> for the buffer's
    /// default. Meant for measuring what spinning buys.
    /// </param>
    public ThreadedEngine(int? spinCount = null)
    {
        if (spinCount is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(spinCount.Value, nameof(spinCount));
        }

        _spinCount = spinCount;
    }

    public string Name => EngineName;

    /// <summary>
    /// Starts the run's threads and returns at once. The task completes when every thread has stopped.
    /// </summary>
    /// <exception cref="PipelineFailedException">
    /// A producer, a consumer, the source or the sink threw. That exception is the inner exception.
    /// </exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled before the run ended, so the task is cancelled.
    /// </exception>
    public Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        settings.Validate();

        var run = new ThreadedRun<T>(settings, source, sink, _spinCount);
        return run.Start(cancellationToken);
    }
}
