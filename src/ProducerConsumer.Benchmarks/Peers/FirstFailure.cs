namespace ProducerConsumer.Benchmarks.Peers;

/// <summary>
/// The first exception of a peer's run. A peer stops every worker after a failure, and the exceptions those
/// workers throw while stopping are consequences, so only the first one names the cause.
/// </summary>
internal sealed class FirstFailure
{
    private Exception? _exception;

    /// <summary>The first exception recorded, or <c>null</c> while the run has not failed.</summary>
    public Exception? Exception => Volatile.Read(ref _exception);

    /// <summary>Records <paramref name="exception"/> unless an earlier one was recorded.</summary>
    public void Record(Exception exception) => Interlocked.CompareExchange(ref _exception, exception, null);
}
