using Akka.Configuration;
using ProducerConsumer.Actors;
using ProducerConsumer.Engines;
using ProducerConsumer.Threaded;

namespace ProducerConsumer.Cli.Running;

/// <summary>Creates the engines by the names the command line uses.</summary>
internal static class EngineFactory
{
    public const string Actor = "actor";

    public const string Threaded = "threaded";

    /// <summary>The engine names in the order <c>compare</c> runs them.</summary>
    public static IReadOnlyList<string> Names { get; } = [Actor, Threaded];

    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="config">The merged settings; the actor engine configures its actor system from them.</param>
    public static IPipelineEngine Create(string name, Config config) => name switch
    {
        Actor => new ActorEngine(config),
        Threaded => new ThreadedEngine(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown engine; the engines are {string.Join(", ", Names)}."),
    };
}
