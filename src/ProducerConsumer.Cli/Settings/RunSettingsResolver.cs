using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Running;
using ProducerConsumer.Engines;

namespace ProducerConsumer.Cli.Settings;

/// <summary>Combines the command line with the settings files and checks every value before anything runs.</summary>
internal static class RunSettingsResolver
{
    /// <param name="arguments">The parsed command line.</param>
    /// <param name="settingsFolder">The folder of <c>default.conf</c> and the scenarios.</param>
    /// <exception cref="UsageException">An option, a combination of options or a setting is invalid.</exception>
    public static RunSettings Resolve(CommandLineArguments arguments, string settingsFolder)
    {
        OptionCombinations.Check(arguments);

        var overlay = OverlayFile(arguments, settingsFolder);
        var scenario = arguments.Scenario is null || overlay is null ? null : Path.GetFileNameWithoutExtension(overlay.Path);
        return ResolveFiles(arguments, settingsFolder, overlay, scenario);
    }

    /// <summary>
    /// Resolves the settings of every scenario in the folder except <c>default</c>, in name order, each read on top
    /// of default.conf with the command line's options on top of both. Every scenario is checked before any runs.
    /// </summary>
    /// <exception cref="UsageException">An option, a combination of options or a scenario's setting is invalid, or the folder has no scenario.</exception>
    public static IReadOnlyList<RunSettings> ResolveAll(CommandLineArguments arguments, string settingsFolder)
    {
        OptionCombinations.Check(arguments);

        var defaultName = Path.GetFileNameWithoutExtension(SettingsFolder.DefaultFileName);
        var names = SettingsFolder.ScenarioNames(settingsFolder).Where(name => name != defaultName).ToArray();
        if (names.Length == 0)
        {
            throw new UsageException($"no scenario found in {settingsFolder}: --all runs every .conf file there except {SettingsFolder.DefaultFileName}. Restore the hocon folder next to the executable.");
        }

        return [.. names.Select(name => ResolveFiles(arguments, settingsFolder, SettingsFolder.Scenario(settingsFolder, name), name))];
    }

    private static RunSettings ResolveFiles(CommandLineArguments arguments, string settingsFolder, SettingsFile? overlay, string? scenario)
    {
        var files = HoconSettingsLoader.Load(SettingsFolder.Defaults(settingsFolder), overlay);

        var capacity = Override(files.Capacity, arguments.Capacity, "--capacity");
        var producers = Override(files.Producers, arguments.Producers, "--producers");
        var consumers = Override(files.Consumers, arguments.Consumers, "--consumers");
        var items = Override(files.Items, arguments.Items, "--items");
        var maxBatch = Override(files.MaxBatch, arguments.MaxBatch, "--max-batch");
        var seed = Override(files.Seed, arguments.Seed, "--seed");

        // NOTE: no upper limit is checked, so a capacity or worker count that the machine cannot hold fails in the engine.
        RequireAtLeast(capacity, 1, "capacity", "the buffer needs at least 1 slot");
        RequireAtLeast(producers, 1, "producers", "the pipeline needs at least 1 producer");
        RequireAtLeast(consumers, 1, "consumers", "the pipeline needs at least 1 consumer");
        RequireAtLeast(maxBatch, 1, "max-batch", "a message carries at least 1 item");
        if (arguments.Input is null)
        {
            RequireAtLeast(items, 0, "items", "a count cannot be negative");
        }

        var pipeline = new PipelineSettings(
            capacity.Value, producers.Value, consumers.Value, maxBatch.Value, files.ProducerWork, files.ConsumerWork, seed.Value);

        var engines = arguments.Command == CommandLineArguments.RunCommand ? [arguments.Engine!] : EngineFactory.Names;
        return new RunSettings(
            engines, pipeline, items.Value, arguments.Input, arguments.Output, arguments.Json, arguments.Report, arguments.Chart, arguments.Quiet, files, scenario);
    }

    private static SettingsFile? OverlayFile(CommandLineArguments arguments, string settingsFolder)
    {
        if (arguments.ConfigFile is not null)
        {
            return SettingsFolder.Config(arguments.ConfigFile);
        }

        return arguments.Scenario is null ? null : SettingsFolder.Scenario(settingsFolder, arguments.Scenario);
    }

    private static SettingValue<int> Override(SettingValue<int> fromFile, int? fromOption, string option) =>
        fromOption is { } value ? new SettingValue<int>(value, option) : fromFile;

    private static void RequireAtLeast(SettingValue<int> setting, int minimum, string name, string reason)
    {
        if (setting.Value < minimum)
        {
            throw new UsageException($"invalid {name} {setting.Value} from {setting.Origin}: {reason}. Use {minimum} or more.");
        }
    }
}
