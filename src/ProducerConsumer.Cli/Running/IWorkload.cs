using ProducerConsumer.Engines;

namespace ProducerConsumer.Cli.Running;

/// <summary>
/// The items of one invocation. Each run gets a fresh source and sink, so every engine reads the same items from
/// the start.
/// </summary>
internal interface IWorkload : IDisposable
{
    /// <summary>What the items are, for the results heading, such as "1,000 generated integers".</summary>
    string Description { get; }

    long Items { get; }

    /// <summary>Runs the engine over a fresh source and sink.</summary>
    /// <param name="engine">The engine to run.</param>
    /// <param name="settings">The pipeline's shape.</param>
    /// <param name="output">Receives each consumed item as one line, or <c>null</c> to only check delivery.</param>
    /// <param name="cancellationToken">Stops the run; the engine then throws <see cref="OperationCanceledException"/>.</param>
    Task<WorkloadRun> RunAsync(IPipelineEngine engine, PipelineSettings settings, TextWriter? output, CancellationToken cancellationToken);
}
