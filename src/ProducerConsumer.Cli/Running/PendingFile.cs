using ProducerConsumer.Cli.Commands;

namespace ProducerConsumer.Cli.Running;

/// <summary>
/// An output file written to a temporary file in the target's folder and moved into place only on
/// <see cref="Commit"/>, so that a failed, cancelled or invalid run leaves no half-written file and keeps any
/// previous file as it was. Disposing without a commit deletes the temporary file.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private readonly string _target;

    /// <summary>The temporary file, in the target's folder so that the final move is a rename on one file system.</summary>
    private readonly string _temporary;

    private readonly TemporaryFiles _temporaryFiles;

    private bool _committed;

    private PendingFile(string target, string temporary, TemporaryFiles temporaryFiles)
    {
        _target = target;
        _temporary = temporary;
        _temporaryFiles = temporaryFiles;
    }

    /// <summary>Checks the target path and creates the empty temporary file, which proves that the folder is writable.</summary>
    /// <param name="argument">The path as the user gave it.</param>
    /// <param name="option">The option that gave it, for error messages.</param>
    /// <param name="temporaryFiles">Lists the temporary file until it is moved or deleted.</param>
    /// <exception cref="UsageException">The path is a directory, its folder does not exist, or the folder is not writable.</exception>
    public static PendingFile Create(string argument, string option, TemporaryFiles temporaryFiles)
    {
        var target = Path.GetFullPath(argument);
        if (Directory.Exists(target))
        {
            throw new UsageException($"invalid {option} {argument}: it is a directory. Give a file path.");
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"invalid {option} {argument}: folder {folder} not found. Create it first or give another path.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            new FileStream(temporary, FileMode.CreateNew, FileAccess.Write).Dispose();
            temporaryFiles.Add(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"invalid {option} {argument}: failed to create a file in {folder}: {ex.Message}");
        }

        return new PendingFile(target, temporary, temporaryFiles);
    }

    public string Target => _target;

    /// <summary>Opens the temporary file for writing from its start.</summary>
    public FileStream OpenWrite() => new(_temporary, FileMode.Truncate, FileAccess.Write, FileShare.None, 1 << 16);

    /// <summary>Moves the temporary file over the target, replacing any previous file.</summary>
    public void Commit()
    {
        File.Move(_temporary, _target, overwrite: true);
        _temporaryFiles.Remove(_temporary);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            File.Delete(_temporary);
            _temporaryFiles.Remove(_temporary);
        }
    }
}
