using ProducerConsumer.Cli.Settings;

namespace ProducerConsumer.Cli.Running;

/// <summary>Chooses the workload of an invocation: the lines of <c>--input</c>, or generated integers.</summary>
internal static class WorkloadFactory
{
    /// <exception cref="Commands.UsageException">The input is missing, a directory, or unreadable.</exception>
    public static async Task<IWorkload> CreateAsync(
        RunSettings settings, Func<Stream> openStandardInput, TemporaryFiles temporaryFiles, CancellationToken cancellationToken)
    {
        if (settings.Input is null)
        {
            return new GeneratedWorkload(settings.Items);
        }

        var input = await LineInput.OpenAsync(settings.Input, openStandardInput, temporaryFiles, cancellationToken);
        return new LineWorkload(input);
    }
}
