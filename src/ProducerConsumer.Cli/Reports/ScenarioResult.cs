using ProducerConsumer.Cli.Settings;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Cli.Reports;

/// <summary>Every engine's report on one set of settings, with the descriptions that the headings show.</summary>
/// <param name="Title">The scenario's name, <c>default</c>, or the file name of a <c>--config</c> file.</param>
/// <param name="SettingsDescription">The settings files in use.</param>
/// <param name="WorkloadDescription">What the items are, such as "20,000 generated integers".</param>
/// <param name="Pipeline">The pipeline's shape, the same for every engine.</param>
/// <param name="Reports">One report per engine, in the order the engines ran.</param>
internal sealed record ScenarioResult(
    string Title,
    string SettingsDescription,
    string WorkloadDescription,
    PipelineSettings Pipeline,
    IReadOnlyList<EngineReport> Reports)
{
    /// <summary>Whether every engine ran to the end, with or without lost items.</summary>
    public bool Completed => Reports.All(report => report.Completed);

    public static ScenarioResult From(RunSettings settings, string workloadDescription, IReadOnlyList<EngineReport> reports)
    {
        var title = settings.Scenario ?? (settings.Files.Overlay is { } overlay ? Path.GetFileName(overlay.Path) : "default");
        return new ScenarioResult(title, settings.Files.Description, workloadDescription, settings.Pipeline, reports);
    }
}
