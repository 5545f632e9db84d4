namespace ProducerConsumer.Cli.Commands;

/// <summary>
/// An invalid command line, settings file or input. The app prints the message as one line on standard error and
/// exits with <see cref="ExitCodes.InvalidUsage"/> before any engine runs.
/// </summary>
/// <remarks>The message names the offending value and what to do about it, in one line without a trailing newline.</remarks>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
