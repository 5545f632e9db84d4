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
        CheckCombinations(arguments);

        var files = HoconSettingsLoader.Load(SettingsFolder.Defaults(settingsFolder), OverlayFile(arguments, settingsFolder));

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
        return new RunSettings(engines, pipeline, items.Value, arguments.Input, arguments.Output, arguments.Json, arguments.Quiet, files);
    }

    private static void CheckCombinations(CommandLineArguments arguments)
    {
        RejectEmpty(arguments.ConfigFile, "--config", "a file path");
        RejectEmpty(arguments.Scenario, "--scenario", "a scenario name");
        RejectEmpty(arguments.Input, "--input", "a file path, or - for standard input");
        RejectEmpty(arguments.Output, "--output", "a file path");
        RejectEmpty(arguments.Json, "--json", "a file path");

        if (arguments.ConfigFile is not null && arguments.Scenario is not null)
        {
            throw new UsageException("--config and --scenario cannot be combined: each names the settings file. Give one of them.");
        }

        if (arguments.Input is not null && arguments.Items is not null)
        {
            throw new UsageException("--items cannot be combined with --input: the number of input lines is the number of items. Remove --items.");
        }

        if (arguments.Output is not null && arguments.Command != CommandLineArguments.RunCommand)
        {
            throw new UsageException(
                $"--output works only with 'run': 'compare' runs two engines, and one file cannot hold the output of both. Use '{CliCommandLine.ExecutableName} run --impl actor --output FILE' (or --impl threaded).");
        }

        RejectStandardOutput(arguments.Output, "--output");
        RejectStandardOutput(arguments.Json, "--json");

        if (arguments.Output is not null && arguments.Json is not null && FilePaths.AreSame(arguments.Output, arguments.Json))
        {
            throw new UsageException($"invalid --json {arguments.Json}: it is the same file as --output. Give two different paths.");
        }

        if (arguments.Output is not null && arguments.Input is not null && arguments.Input != LineInput.StandardInput && FilePaths.AreSame(arguments.Output, arguments.Input))
        {
            throw new UsageException($"invalid --output {arguments.Output}: it is the --input file, which the output would replace. Give another path.");
        }
    }

    private static void RejectEmpty(string? value, string option, string expected)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException($"invalid {option} '{value}': the value is empty. Give {expected}.");
        }
    }

    private static void RejectStandardOutput(string? path, string option)
    {
        if (path == "-")
        {
            throw new UsageException($"invalid {option} -: standard output carries the results table. Give a file path.");
        }
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
