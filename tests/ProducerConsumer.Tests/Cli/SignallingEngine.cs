using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Cli;

/// <summary>Runs a real engine and signals when its producers first read the source, so a test can cancel mid-run.</summary>
internal sealed class SignallingEngine : IPipelineEngine
{
    private readonly IPipelineEngine _inner;

    public SignallingEngine(IPipelineEngine inner)
    {
        _inner = inner;
    }

    public string Name => _inner.Name;

    /// <summary>Completes when a producer first reads the source.</summary>
    public TaskCompletionSource FirstRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default) =>
        _inner.RunAsync(settings, new SignallingSource<T>(source, FirstRead), sink, cancellationToken);

    private sealed class SignallingSource<T> : IItemSource<T>
    {
        private readonly IItemSource<T> _inner;

        private readonly TaskCompletionSource _firstRead;

        public SignallingSource(IItemSource<T> inner, TaskCompletionSource firstRead)
        {
            _inner = inner;
            _firstRead = firstRead;
        }

        public int Read(Span<T> destination)
        {
            _firstRead.TrySetResult();
            return _inner.Read(destination);
        }
    }
}
