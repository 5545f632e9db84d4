using System.Runtime.InteropServices;

namespace ProducerConsumer.Tests.Cli;

/// <summary>Sends POSIX signals, as Ctrl+C in a terminal does; Linux and macOS only.</summary>
internal static class PosixSignals
{
    private const int SigInt = 2;

    /// <summary>Sends SIGINT to a process and fails the test when the signal cannot be sent.</summary>
    public static void Interrupt(int processId) =>
        Assert.True(Kill(processId, SigInt) == 0, $"kill({processId}, SIGINT) failed with errno {Marshal.GetLastPInvokeError()}");

    // DllImport because LibraryImport needs unsafe code, which the test project does not allow.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
