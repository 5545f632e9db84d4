using Akka.Actor;
using Akka.Configuration;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Actors;

/// <summary>Runs the pipeline as Akka.NET actors in an actor system of its own, configured from HOCON.</summary>
public sealed class ActorEngine : IPipelineEngine
{
    private readonly Config _config;

    /// <param name="config">The actor system's configuration (the <c>akka</c> section is used); <c>null</c> for defaults.</param>
    public ActorEngine(Config? config = null)
    {
        _config = config ?? Config.Empty;
    }

    public string Name => "actor";

    public async Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var system = ActorSystem.Create("producer-consumer", _config);
        try
        {
            return await ActorPipeline.RunAsync(system, settings, source, sink, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }
}
