namespace ProducerConsumer.Cli.Commands;

/// <summary>What the command line gave, before the settings files fill in the rest. <c>null</c> means "not given".</summary>
internal sealed record CommandLineArguments
{
    public const string RunCommand = "run";

    public const string CompareCommand = "compare";

    /// <summary><see cref="RunCommand"/> or <see cref="CompareCommand"/>.</summary>
    public string Command { get; init; } = CompareCommand;

    /// <summary>The engine of <c>run</c>: <c>actor</c> or <c>threaded</c>.</summary>
    public string? Engine { get; init; }

    public string? ConfigFile { get; init; }

    public string? Scenario { get; init; }

    public int? Capacity { get; init; }

    public int? Producers { get; init; }

    public int? Consumers { get; init; }

    public int? Items { get; init; }

    public int? MaxBatch { get; init; }

    public int? Seed { get; init; }

    /// <summary>A text file with one item per line, or <c>-</c> for standard input.</summary>
    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? Json { get; init; }

    /// <summary>The Markdown report file.</summary>
    public string? Report { get; init; }

    /// <summary>The chart image file, <c>.png</c> or <c>.svg</c>.</summary>
    public string? Chart { get; init; }

    /// <summary>Whether to run every scenario of the settings folder.</summary>
    public bool All { get; init; }

    public bool Quiet { get; init; }
}
