using System.Text;
using ProducerConsumer.Cli.Commands;

namespace ProducerConsumer.Cli.Running;

/// <summary>
/// A checked text input whose lines are counted before any engine runs. Standard input is first buffered to a
/// temporary file, so that every engine can read it again from the start. Dispose deletes that file.
/// </summary>
internal sealed class LineInput : IDisposable
{
    /// <summary>The <c>--input</c> value that selects standard input.</summary>
    public const string StandardInput = "-";

    private const int BufferSize = 1 << 16;

    /// <summary>Lines counted between two checks of the cancellation token.</summary>
    private const int LinesPerCancellationCheck = 1 << 16;

    /// <summary>Lists <see cref="Path"/> when it is a temporary copy of standard input, which this instance deletes; otherwise <c>null</c>.</summary>
    private readonly TemporaryFiles? _temporaryFiles;

    private LineInput(string path, string displayName, long lineCount, TemporaryFiles? temporaryFiles)
    {
        Path = path;
        DisplayName = displayName;
        LineCount = lineCount;
        _temporaryFiles = temporaryFiles;
    }

    /// <summary>The file to read, which is a temporary copy for standard input.</summary>
    public string Path { get; }

    /// <summary>The input as the user named it.</summary>
    public string DisplayName { get; }

    /// <summary>The number of lines, counted the way <see cref="TextReader.ReadLine"/> splits them.</summary>
    public long LineCount { get; }

    /// <param name="argument">The <c>--input</c> value: a file path, or <c>-</c> for standard input.</param>
    /// <param name="openStandardInput">Opens standard input; called only for <c>-</c>.</param>
    /// <param name="temporaryFiles">Lists the copy of standard input until it is deleted.</param>
    /// <param name="cancellationToken">Stops buffering or counting.</param>
    /// <exception cref="UsageException">The file is missing, a directory, or unreadable.</exception>
    public static async Task<LineInput> OpenAsync(
        string argument, Func<Stream> openStandardInput, TemporaryFiles temporaryFiles, CancellationToken cancellationToken)
    {
        if (argument == StandardInput)
        {
            return await BufferStandardInputAsync(openStandardInput, temporaryFiles, cancellationToken);
        }

        var path = System.IO.Path.GetFullPath(argument);
        if (Directory.Exists(path))
        {
            throw new UsageException($"invalid --input {argument}: it is a directory. Give a text file with one item per line.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"input file not found: {path}. Check the path given to --input.");
        }

        var lineCount = CountLines(path, cancellationToken);
        return new LineInput(path, argument, lineCount, temporaryFiles: null);
    }

    /// <summary>Opens the input from its start, decoding UTF-8 unless a byte order mark names another encoding.</summary>
    /// <remarks>NOTE: bytes that are not valid UTF-8 are read as U+FFFD, so such a line does not come back byte for byte.</remarks>
    public TextReader OpenReader() =>
        new StreamReader(Path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions
        {
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = BufferSize,
            Options = FileOptions.SequentialScan,
        });

    public void Dispose()
    {
        if (_temporaryFiles is not null)
        {
            File.Delete(Path);
            _temporaryFiles.Remove(Path);
        }
    }

    private static async Task<LineInput> BufferStandardInputAsync(
        Func<Stream> openStandardInput, TemporaryFiles temporaryFiles, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"producer-consumer-stdin-{Guid.NewGuid():N}.txt");
        temporaryFiles.Add(path);
        try
        {
            await using (var input = openStandardInput())
            await using (var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                await input.CopyToAsync(copy, cancellationToken);
            }

            var lineCount = CountLines(path, cancellationToken);
            return new LineInput(path, "standard input", lineCount, temporaryFiles);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(path);
            temporaryFiles.Remove(path);
            throw new UsageException($"failed to buffer standard input in {path}: {ex.Message} Check the free space of the temporary folder.");
        }
        catch
        {
            File.Delete(path);
            temporaryFiles.Remove(path);
            throw;
        }
    }

    private static long CountLines(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            long count = 0;
            while (reader.ReadLine() is not null)
            {
                count++;
                if (count % LinesPerCancellationCheck == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return count;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"failed to read input file {path}: {ex.Message} Check that the file is readable.");
        }
    }
}
