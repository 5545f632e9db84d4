using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Running;

/// <summary>A measured run finished without error, but not every item reached the sink exactly once.</summary>
public sealed class DeliveryCheckFailedException : Exception
{
    public DeliveryCheckFailedException(string run, long expected, DeliveryCheck check)
        : base(
            $"The delivery check of {run} failed: expected {expected} items exactly once, the source handed out " +
            $"{check.Produced}, the sink received {check.Consumed}, {check.Lost} were lost and {check.Duplicated} duplicated.")
    {
        Check = check;
    }

    /// <summary>The ledger's summary of the run.</summary>
    public DeliveryCheck Check { get; }
}
