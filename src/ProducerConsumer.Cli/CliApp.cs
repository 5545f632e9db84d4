using System.CommandLine;
using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Cli;

/// <summary>The console app, callable in-process: parses the arguments, runs the command and returns the exit code.</summary>
public static class CliApp
{
    /// <summary>Runs the app with the real standard input, shipped settings and engines; the caller cancels through <paramref name="cancellationToken"/>.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, CliEnvironment.Create(stdout, stderr), cancellationToken);

    internal static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var temporaryFiles = new TemporaryFiles();
        Task<int>? command = null;
        var commandLine = new CliCommandLine((arguments, token) => command = PipelineCommand.RunAsync(arguments, environment, temporaryFiles, token));

        // No response files: an argument that starts with '@' is a plain value, such as a file name.
        var parseResult = commandLine.Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            await environment.Error.WriteLineAsync($"error: {ParseErrorMessage.Format(parseResult, commandLine)}");
            return ExitCodes.InvalidUsage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = environment.ProcessTerminationTimeout,
        };
        var exitCode = await parseResult.InvokeAsync(invocation, cancellationToken);

        // System.CommandLine stops waiting for the command once the grace period after Ctrl+C has passed.
        if (command is { IsCompleted: false })
        {
            temporaryFiles.DeleteAll();
            await environment.Error.WriteLineAsync(
                $"cancelled: the run did not stop within {environment.ProcessTerminationTimeout?.TotalSeconds:0.###} s of the signal and was abandoned, so no output file was written.");
        }

        return exitCode;
    }
}
