using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Engines;

/// <summary>
/// A sink that runs a callback with each item before it writes the item to an inner sink, so a test can fail or
/// observe the consumers' writes.
/// </summary>
internal sealed class CallbackSink<T> : IItemSink<T>
{
    private readonly IItemSink<T> _inner;

    private readonly Action<T> _beforeWrite;

    public CallbackSink(IItemSink<T> inner, Action<T> beforeWrite)
    {
        _inner = inner;
        _beforeWrite = beforeWrite;
    }

    public void Write(T item)
    {
        _beforeWrite(item);
        _inner.Write(item);
    }
}
