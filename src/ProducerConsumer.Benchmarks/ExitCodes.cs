namespace ProducerConsumer.Benchmarks;

/// <summary>The process exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A benchmark or a measured run failed: an exception, a hung run, or a failed delivery check.</summary>
    public const int RunFailed = 1;

    /// <summary>The command line was invalid; the message and the usage went to standard error.</summary>
    public const int Usage = 2;
}
