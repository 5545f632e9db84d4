namespace ProducerConsumer.Workloads;

/// <summary>
/// The items a pipeline moves. Every producer of a run reads from the same source, so implementations are
/// thread-safe and hand out each item exactly once.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IItemSource<T>
{
    /// <summary>
    /// Reads up to <c>destination.Length</c> items into <paramref name="destination"/>.
    /// </summary>
    /// <returns>The number of items read; 0 once the source is exhausted, and on every call after that.</returns>
    int Read(Span<T> destination);
}
