using System.Diagnostics;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Cli.Running;

/// <summary>The outcome of one engine's run over a workload, with delivery checked by the workload's own sink.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Run">What the engine measured, or <c>null</c> when it failed.</param>
/// <param name="Failure">Why the engine failed, in one line, or <c>null</c> when it completed.</param>
/// <param name="Items">The number of items in the workload.</param>
/// <param name="Produced">Items the source handed out to producers.</param>
/// <param name="Delivery">What reached the sink, checked against <paramref name="Items"/>, so that a run that stopped early counts the rest as lost.</param>
/// <param name="Elapsed">The engine's own elapsed time, or the wall-clock time of the call when it failed.</param>
internal sealed record WorkloadRun(
    string Engine,
    PipelineRun? Run,
    string? Failure,
    long Items,
    long Produced,
    DeliveryCheck Delivery,
    TimeSpan Elapsed)
{
    public bool Completed => Failure is null;

    /// <summary>Runs the engine once and records the outcome; a <see cref="PipelineFailedException"/> becomes a failed outcome.</summary>
    /// <param name="engine">The engine to run.</param>
    /// <param name="settings">The pipeline's shape.</param>
    /// <param name="source">A fresh source.</param>
    /// <param name="sink">A fresh sink that records each arrival in <paramref name="ledger"/>.</param>
    /// <param name="ledger">The sink's ledger.</param>
    /// <param name="produced">Reads the source's count of items handed out, after the run.</param>
    /// <param name="items">The number of items in the workload.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<WorkloadRun> MeasureAsync<T>(
        IPipelineEngine engine,
        PipelineSettings settings,
        IItemSource<T> source,
        IItemSink<T> sink,
        DeliveryLedger ledger,
        Func<long> produced,
        long items,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var run = await engine.RunAsync(settings, source, sink, cancellationToken);
            return new WorkloadRun(engine.Name, run, null, items, produced(), ledger.Check(items), run.Elapsed);
        }
        catch (PipelineFailedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new WorkloadRun(engine.Name, null, OneLine(ex), items, produced(), ledger.Check(items), stopwatch.Elapsed);
        }
    }

    private static string OneLine(PipelineFailedException ex)
    {
        var inner = ex.InnerException;
        var message = inner is null || ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? ex.Message
            : $"{ex.Message} ({inner.GetType().Name}: {inner.Message})";
        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
