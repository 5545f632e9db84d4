namespace ProducerConsumer.Cli.Reports;

/// <summary>How a measure's cell is shown where the output supports emphasis.</summary>
internal enum MeasureStyle
{
    /// <summary>Plain text.</summary>
    Plain,

    /// <summary>A count that must be zero, highlighted when it is not.</summary>
    Problem,

    /// <summary>The run's outcome: exactly once, lost or duplicated, or failed.</summary>
    Outcome,
}

/// <summary>One row of the side-by-side results table.</summary>
/// <param name="Name">The row's label.</param>
/// <param name="Format">The cell of one engine, as plain text.</param>
/// <param name="IsSetting">Whether the row repeats a setting, which is the same for every engine.</param>
/// <param name="Style">How the cell is emphasized.</param>
internal sealed record Measure(string Name, Func<EngineReport, string> Format, bool IsSetting = false, MeasureStyle Style = MeasureStyle.Plain);
