using Akka.Configuration;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;
using Spectre.Console;

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
/// <param name="ProgressConsole">The terminal that shows a run's progress, or <c>null</c> to show none.</param>
/// <param name="ProgressDelay">How long a run goes on before its progress is shown, so that short runs print nothing extra.</param>
internal sealed record CliEnvironment(
    Func<Stream> OpenStandardInput,
    TextWriter Output,
    TextWriter Error,
    string SettingsFolder,
    Func<string, Config, IPipelineEngine> CreateEngine,
    TimeSpan? ProcessTerminationTimeout,
    IAnsiConsole? ProgressConsole,
    TimeSpan ProgressDelay)
{
    /// <summary>
    /// Runs each engine unmeasured before its first measured run; <see cref="EngineWarmUp.None"/>, the default, for
    /// tests that run the app in-process many times. The app itself warms up for one second per engine.
    /// </summary>
    public EngineWarmUp WarmUp { get; init; } = EngineWarmUp.None;

    /// <summary>Creates an environment with the real standard input, the shipped settings and the real engines.</summary>
    public static CliEnvironment Create(TextWriter output, TextWriter error) =>
        new(
            Console.OpenStandardInput,
            output,
            error,
            Settings.SettingsFolder.Shipped,
            EngineFactory.Create,
            ProcessTerminationTimeout: null,
            TerminalConsole(output),
            ProgressDelay: TimeSpan.FromSeconds(1));

    /// <summary>
    /// Returns a console for <paramref name="output"/> when it is the process's standard output and that is an
    /// interactive terminal, or <c>null</c>. A progress display redraws its lines in place, which only a terminal
    /// shows as intended. In a file or a pipe it would leave a trail of partial frames.
    /// </summary>
    private static IAnsiConsole? TerminalConsole(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return null;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });

        return console.Profile.Capabilities is { Ansi: true, Interactive: true } ? console : null;
    }
}
