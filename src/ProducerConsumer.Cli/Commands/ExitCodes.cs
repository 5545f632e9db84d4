using ProducerConsumer.Cli.Reports;

namespace ProducerConsumer.Cli.Commands;

/// <summary>The process exit codes of the console app.</summary>
internal static class ExitCodes
{
    /// <summary>Every engine delivered every item exactly once.</summary>
    public const int Success = 0;

    /// <summary>An engine lost or duplicated items or failed with a <c>PipelineFailedException</c>, or the results could not be written.</summary>
    public const int DeliveryFailed = 1;

    /// <summary>The command line, a settings file or the input was invalid, so nothing ran.</summary>
    public const int InvalidUsage = 2;

    /// <summary>The run was cancelled (Ctrl+C); 128 + SIGINT, the code shells report for a process stopped by Ctrl+C.</summary>
    public const int Cancelled = 130;

    /// <summary>Returns <see cref="Success"/> only when every engine completed and delivered every item exactly once.</summary>
    public static int For(IReadOnlyList<EngineReport> reports) =>
        reports.All(report => report.ExactlyOnce) ? Success : DeliveryFailed;
}
