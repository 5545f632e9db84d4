using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Engines;

/// <summary>
/// A source that runs a callback before each read of an inner source, so a test can block, fail or observe the
/// producers' reads.
/// </summary>
internal sealed class CallbackSource<T> : IItemSource<T>
{
    private readonly IItemSource<T> _inner;

    private readonly Action _beforeRead;

    public CallbackSource(IItemSource<T> inner, Action beforeRead)
    {
        _inner = inner;
        _beforeRead = beforeRead;
    }

    public int Read(Span<T> destination)
    {
        _beforeRead();
        return _inner.Read(destination);
    }
}
