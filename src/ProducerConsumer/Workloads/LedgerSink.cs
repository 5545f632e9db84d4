namespace ProducerConsumer.Workloads;

/// <summary>A sink for generated integers that records each one in a <see cref="DeliveryLedger"/>.</summary>
public sealed class LedgerSink : IItemSink<int>
{
    public DeliveryLedger Ledger { get; } = new();

    public void Write(int item) => Ledger.Record(item);
}
