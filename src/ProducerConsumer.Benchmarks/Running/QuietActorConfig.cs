using Akka.Configuration;

namespace ProducerConsumer.Benchmarks.Running;

/// <summary>The actor system configuration of every measured run.</summary>
public static class QuietActorConfig
{
    /// <summary>
    /// Logs warnings and errors only: the pipeline's actors log a start and a stop line at info level for every
    /// run, which would otherwise be printed and measured thousands of times.
    /// </summary>
    public static Config Instance { get; } = ConfigurationFactory.ParseString(
        """
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """);
}
