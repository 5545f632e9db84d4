using Akka.Actor;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Actors;

/// <summary>Runs one pipeline inside an existing actor system, such as a test kit's.</summary>
public static class ActorPipeline
{
    private static long s_runs;

    /// <summary>Starts a coordinator for the run and completes when every actor of the run has stopped.</summary>
    /// <exception cref="PipelineFailedException">An actor of the run failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the run completed.</exception>
    public static async Task<PipelineRun> RunAsync<T>(
        IActorRefFactory system,
        PipelineSettings settings,
        IItemSource<T> source,
        IItemSink<T> sink,
        CancellationToken cancellationToken = default)
    {
        settings.Validate();

        // A token cancelled before the start would otherwise race the run: a short run can end before the
        // coordinator gets the cancellation, which then goes to dead letters.
        cancellationToken.ThrowIfCancellationRequested();

        using var counters = new PipelineCounters(settings.Producers, settings.Consumers, "actor", settings.RunId);
        var completion = new TaskCompletionSource<PipelineRun>(TaskCreationOptions.RunContinuationsAsynchronously);

        var name = $"pipeline-{Interlocked.Increment(ref s_runs)}";
        var coordinator = system.ActorOf(Props.Create<PipelineCoordinator<T>>(settings, source, sink, counters, completion), name);

        // A cancellation that comes after the run completed changes nothing, so it is not sent to a stopped coordinator.
        await using var registration = cancellationToken.Register(() =>
        {
            if (!completion.Task.IsCompleted)
            {
                coordinator.Tell(new CancelRun(cancellationToken));
            }
        });
        return await completion.Task.ConfigureAwait(false);
    }
}
