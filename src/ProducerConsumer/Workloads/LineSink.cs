namespace ProducerConsumer.Workloads;

/// <summary>
/// Writes each consumed line to a text writer in arrival order and records it in a <see cref="DeliveryLedger"/>.
/// A lock serializes the consumers' writes, because a <see cref="TextWriter"/> is not thread-safe.
/// </summary>
public sealed class LineSink : IItemSink<Line>
{
    private readonly TextWriter? _writer;

    private readonly Lock _lock = new();

    /// <param name="writer">Where lines go; <c>null</c> to only check delivery.</param>
    public LineSink(TextWriter? writer)
    {
        _writer = writer;
    }

    public DeliveryLedger Ledger { get; } = new();

    public void Write(Line item)
    {
        if (_writer is not null)
        {
            lock (_lock)
            {
                _writer.WriteLine(item.Text);
            }
        }

        Ledger.Record(item.Number);
    }
}
