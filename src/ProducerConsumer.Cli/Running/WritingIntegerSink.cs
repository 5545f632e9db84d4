using System.Globalization;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Cli.Running;

/// <summary>
/// A sink for generated integers that writes each one as a line, in arrival order, and records it in a
/// <see cref="DeliveryLedger"/>. A lock serializes the consumers' writes, because a <see cref="TextWriter"/> is not
/// thread-safe.
/// </summary>
internal sealed class WritingIntegerSink : IItemSink<int>
{
    private readonly TextWriter _writer;

    private readonly Lock _lock = new();

    public WritingIntegerSink(TextWriter writer)
    {
        _writer = writer;
    }

    public DeliveryLedger Ledger { get; } = new();

    public void Write(int item)
    {
        lock (_lock)
        {
            _writer.WriteLine(item.ToString(CultureInfo.InvariantCulture));
        }

        Ledger.Record(item);
    }
}
