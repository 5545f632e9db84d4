using System.Diagnostics;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Running;

/// <summary>
/// Moves a fixed number of generated integers through one engine or peer and throws unless every item reached
/// the sink exactly once, so that a run that lost or duplicated an item can never pass as a measurement.
/// </summary>
public static class CheckedRun
{
    /// <summary>
    /// How long a run may go without a single item reaching the sink before it counts as hung and fails. A peer
    /// that deadlocks, or never completes after its last item, then stops its own benchmark and not the whole
    /// session. The timeout is far above any pause of a correct run, such as starting an actor system.
    /// </summary>
    private static readonly TimeSpan s_stallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often a running pipeline's progress is checked.</summary>
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="pipeline"/> on a fresh source of <paramref name="items"/> integers and a fresh ledger.</summary>
    /// <param name="run">The run's name for messages, such as <c>Channels 4x4 K=1024</c>.</param>
    /// <param name="items">The number of integers the source hands out.</param>
    /// <param name="pipeline">Moves every item of the source to the sink; completes when the last item is written.</param>
    /// <exception cref="DeliveryCheckFailedException">The run finished, but not every item arrived exactly once.</exception>
    /// <exception cref="TimeoutException">No item reached the sink for 30 s and the run had not completed.</exception>
    public static async Task RunAsync(string run, int items, Func<GeneratedIntegerSource, LedgerSink, Task> pipeline)
    {
        var source = new GeneratedIntegerSource(items);
        var sink = new LedgerSink();

        try
        {
            await WaitWhileProgressingAsync(run, pipeline(source, sink), sink.Ledger).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            FailureLog.Append(run, error);
            throw;
        }

        var check = sink.Ledger.Check(source.Produced);
        if (!check.ExactlyOnce || check.Produced != items)
        {
            var failed = new DeliveryCheckFailedException(run, items, check);
            FailureLog.Append(run, failed);
            throw failed;
        }
    }

    /// <summary>Waits for the run, and throws <see cref="TimeoutException"/> once the sink has received nothing for the stall timeout.</summary>
    private static async Task WaitWhileProgressingAsync(string run, Task pipeline, DeliveryLedger ledger)
    {
        var recorded = ledger.Recorded;
        var sinceProgress = Stopwatch.StartNew();

        while (await Task.WhenAny(pipeline, Task.Delay(s_progressInterval)).ConfigureAwait(false) != pipeline)
        {
            var now = ledger.Recorded;
            if (now != recorded)
            {
                recorded = now;
                sinceProgress.Restart();
                continue;
            }

            if (sinceProgress.Elapsed >= s_stallTimeout)
            {
                throw new TimeoutException(
                    $"{run} timed out: no item reached the sink for {s_stallTimeout.TotalSeconds:0} s and the run did not complete; " +
                    $"the sink had received {recorded} items.");
            }
        }

        // Rethrows the run's own exception, if it failed.
        await pipeline.ConfigureAwait(false);
    }
}
