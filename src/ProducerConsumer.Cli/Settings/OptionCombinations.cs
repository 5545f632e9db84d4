using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Cli.Settings;

/// <summary>Rejects empty values and options that cannot be combined, before any settings file is read.</summary>
internal static class OptionCombinations
{
    /// <summary>The chart formats, by file extension, that <c>--chart</c> writes.</summary>
    public static IReadOnlyList<string> ChartExtensions { get; } = [".png", ".svg"];

    /// <exception cref="UsageException">A value is empty, or two options contradict each other.</exception>
    public static void Check(CommandLineArguments arguments)
    {
        RejectEmpty(arguments.ConfigFile, "--config", "a file path");
        RejectEmpty(arguments.Scenario, "--scenario", "a scenario name");
        RejectEmpty(arguments.Input, "--input", "a file path, or - for standard input");
        RejectEmpty(arguments.Output, "--output", "a file path");
        RejectEmpty(arguments.Json, "--json", "a file path");
        RejectEmpty(arguments.Report, "--report", "a file path");
        RejectEmpty(arguments.Chart, "--chart", "a file path ending in .png or .svg");

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

        CheckAll(arguments);
        CheckChartExtension(arguments.Chart);

        RejectStandardOutput(arguments.Output, "--output");
        RejectStandardOutput(arguments.Json, "--json");
        RejectStandardOutput(arguments.Report, "--report");
        RejectStandardOutput(arguments.Chart, "--chart");

        CheckDistinctFiles(arguments);
    }

    private static void CheckAll(CommandLineArguments arguments)
    {
        if (!arguments.All)
        {
            return;
        }

        if (arguments.Command == CommandLineArguments.RunCommand)
        {
            throw new UsageException($"--all works only with 'compare', which runs both engines on every scenario. Use '{CliCommandLine.ExecutableName} compare --all'.");
        }

        if (arguments.Scenario is not null || arguments.ConfigFile is not null)
        {
            var option = arguments.Scenario is not null ? "--scenario" : "--config";
            throw new UsageException($"--all cannot be combined with {option}: --all runs every scenario in the hocon folder. Remove one of them.");
        }

        if (arguments.Input is not null)
        {
            throw new UsageException("--all cannot be combined with --input: each scenario generates its own items. Remove --input, or run one scenario with --scenario NAME --input FILE.");
        }

        if (arguments.Chart is not null)
        {
            throw new UsageException("--chart draws the engines of one scenario, and --all runs many. Give --scenario NAME in place of --all, or remove --chart.");
        }
    }

    private static void CheckChartExtension(string? chart)
    {
        if (chart is null)
        {
            return;
        }

        var extension = Path.GetExtension(chart);
        if (!ChartExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            var found = extension.Length == 0 ? "has no extension" : $"ends in {extension}";
            throw new UsageException($"invalid --chart {chart}: the file name {found}, so the image format is unknown. End it in .png or .svg.");
        }
    }

    /// <summary>Rejects two options that name the same file, and an output that would replace the input file.</summary>
    private static void CheckDistinctFiles(CommandLineArguments arguments)
    {
        (string Option, string? Path)[] outputs =
            [("--output", arguments.Output), ("--json", arguments.Json), ("--report", arguments.Report), ("--chart", arguments.Chart)];

        for (var later = 1; later < outputs.Length; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (outputs[later].Path is { } path && outputs[earlier].Path is { } other && FilePaths.AreSame(path, other))
                {
                    throw new UsageException($"invalid {outputs[later].Option} {path}: it is the same file as {outputs[earlier].Option}. Give two different paths.");
                }
            }
        }

        if (arguments.Input is null || arguments.Input == LineInput.StandardInput)
        {
            return;
        }

        foreach (var (option, path) in outputs)
        {
            if (path is not null && FilePaths.AreSame(path, arguments.Input))
            {
                throw new UsageException($"invalid {option} {path}: it is the --input file, which the {option} file would replace. Give another path.");
            }
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
}
