using ProducerConsumer.Cli.Running;
using Spectre.Console;

namespace ProducerConsumer.Cli.Reports;

/// <summary>One color per engine, the same in the terminal charts and the chart image, so a reader matches them.</summary>
internal static class EngineColors
{
    /// <summary>Returns the engine's terminal color; an engine without one of its own gets green.</summary>
    public static Color Of(string engine) => engine switch
    {
        EngineFactory.Actor => new Color(31, 119, 180),
        EngineFactory.Threaded => new Color(255, 127, 14),
        _ => new Color(44, 160, 44),
    };

    /// <summary>Returns the engine's color as a ScottPlot color.</summary>
    public static ScottPlot.Color ForChart(string engine)
    {
        var color = Of(engine);
        return new ScottPlot.Color(color.R, color.G, color.B);
    }
}
