using Akka.Configuration;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Cli.Settings;

/// <summary>Everything one invocation runs with, after the options override the files and every value is checked.</summary>
/// <param name="Engines">The engines to run, one after the other.</param>
/// <param name="Pipeline">The pipeline's shape, the same for every engine.</param>
/// <param name="Items">The number of generated integers; unused when <paramref name="Input"/> is set.</param>
/// <param name="Input">A text file with one item per line, <c>-</c> for standard input, or <c>null</c> for generated integers.</param>
/// <param name="Output">The file that receives what the consumers delivered, or <c>null</c>.</param>
/// <param name="Json">The file that receives the results as JSON, or <c>null</c>.</param>
/// <param name="Report">The file that receives the Markdown report, or <c>null</c>.</param>
/// <param name="Chart">The file that receives the chart image, or <c>null</c>.</param>
/// <param name="Quiet">Whether to skip the progress display and the results.</param>
/// <param name="Files">The settings files in use.</param>
/// <param name="Scenario">The scenario's name without <c>.conf</c>, or <c>null</c> for default.conf or a <c>--config</c> file.</param>
internal sealed record RunSettings(
    IReadOnlyList<string> Engines,
    PipelineSettings Pipeline,
    int Items,
    string? Input,
    string? Output,
    string? Json,
    string? Report,
    string? Chart,
    bool Quiet,
    FileSettings Files,
    string? Scenario)
{
    /// <summary>The merged HOCON configuration; the actor engine reads its <c>akka</c> section.</summary>
    public Config Config => Files.Config;
}
