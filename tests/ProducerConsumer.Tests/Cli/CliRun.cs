using System.Text;
using ProducerConsumer.Cli;
using ProducerConsumer.Cli.Commands;

namespace ProducerConsumer.Tests.Cli;

/// <summary>The outcome of one in-process invocation of the console app.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The lines written to standard error, without empty ones.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the app with the real engines and shipped settings.</summary>
    public static async Task<CliRun> StartAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the app in an environment that the test adjusts from the default one.</summary>
    public static async Task<CliRun> StartAsync(
        Func<CliEnvironment, CliEnvironment> adjust, CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = adjust(CliEnvironment.Create(stdout, stderr));
        var exitCode = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Returns an adjustment that feeds <paramref name="text"/> to the app as standard input, in UTF-8.</summary>
    public static Func<CliEnvironment, CliEnvironment> WithStandardInput(string text) =>
        environment => environment with { OpenStandardInput = () => new MemoryStream(new UTF8Encoding(false).GetBytes(text)) };
}
