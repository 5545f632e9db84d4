using System.Diagnostics;

namespace ProducerConsumer.Tests.Cli;

/// <summary>Ctrl+C, as SIGINT sent to the real executable, cancels the run, exits with 130 and leaves no file.</summary>
public sealed class CtrlCTests
{
    /// <summary>The longest each step may take before the test fails instead of hanging.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("actor")]
    [InlineData("threaded")]
    public async Task SigIntCancelsTheRun(string engine)
    {
        // POSIX signals only; the project's machines run Linux.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        using var watcher = new FileSystemWatcher(folder.Path) { EnableRaisingEvents = true };
        var temporaryFileCreated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) => temporaryFileCreated.TrySetResult();

        // A slow consumer and a million items keep the run going far longer than the test waits.
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "producer-consumer"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["run", "--impl", engine, "--scenario", "slow-consumer", "--items", "1000000", "--json", folder.File("results.json")])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // The app creates the report's temporary file once every check has passed, just before the run.
            await temporaryFileCreated.Task.WaitAsync(StepTimeout);
            PosixSignals.Interrupt(process.Id);
            await process.WaitForExitAsync().WaitAsync(StepTimeout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}, stderr: {await stderr}");
        Assert.Contains("cancelled: the run stopped before it finished", await stderr);
        // The actor system may log the cancellation to standard output; the results table must not appear.
        Assert.DoesNotContain("workload:", await stdout);
        Assert.Empty(folder.FileNames());
    }
}
