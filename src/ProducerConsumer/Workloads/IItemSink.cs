namespace ProducerConsumer.Workloads;

/// <summary>
/// The destination of consumed items. Every consumer of a run writes to the same sink, so implementations are
/// thread-safe.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IItemSink<T>
{
    /// <summary>Writes one item that a consumer has finished.</summary>
    void Write(T item);
}
