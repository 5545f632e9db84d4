namespace ProducerConsumer.Cli.Running;

/// <summary>
/// The temporary files of one invocation that are not yet moved into place or deleted. After Ctrl+C,
/// System.CommandLine stops waiting for a run that does not stop within the grace period, and the run's own cleanup
/// never happens. The app then deletes the files listed here.
/// </summary>
/// <remarks>Thread-safe, because an abandoned run may still add or remove files while the app deletes them.</remarks>
internal sealed class TemporaryFiles
{
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    private readonly Lock _lock = new();

    public void Add(string path)
    {
        lock (_lock)
        {
            _paths.Add(path);
        }
    }

    public void Remove(string path)
    {
        lock (_lock)
        {
            _paths.Remove(path);
        }
    }

    /// <summary>Deletes every listed file, skipping any that is already gone or still locked.</summary>
    public void DeleteAll()
    {
        string[] paths;
        lock (_lock)
        {
            paths = [.. _paths];
            _paths.Clear();
        }

        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // NOTE: on Windows a file that the abandoned run still has open cannot be deleted and stays behind.
            }
        }
    }
}
