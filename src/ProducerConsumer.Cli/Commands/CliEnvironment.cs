using Akka.Configuration;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Cli.Commands;

/// <summary>What the app talks to outside its arguments, replaceable so that tests run it in-process.</summary>
/// <param name="OpenStandardInput">Opens the stream that <c>--input -</c> reads.</param>
/// <param name="Output">Receives the results table and help.</param>
/// <param name="Error">Receives errors and warnings, one line each.</param>
/// <param name="SettingsFolder">The folder of <c>default.conf</c> and the scenario files.</param>
/// <param name="CreateEngine">Creates an engine by name from the merged settings.</param>
/// <param name="ProcessTerminationTimeout">
/// <c>null</c> to leave Ctrl+C and SIGTERM alone; otherwise they cancel the run, and the app exits this long after
/// the signal even when the run has not stopped.
/// </param>
internal sealed record CliEnvironment(
    Func<Stream> OpenStandardInput,
    TextWriter Output,
    TextWriter Error,
    string SettingsFolder,
    Func<string, Config, IPipelineEngine> CreateEngine,
    TimeSpan? ProcessTerminationTimeout)
{
    /// <summary>Creates an environment with the real standard input, the shipped settings and the real engines.</summary>
    public static CliEnvironment Create(TextWriter output, TextWriter error) =>
        new(Console.OpenStandardInput, output, error, Settings.SettingsFolder.Shipped, EngineFactory.Create, ProcessTerminationTimeout: null);
}
