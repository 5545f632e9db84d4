using System.Text.RegularExpressions;
using ProducerConsumer.Cli.Commands;

namespace ProducerConsumer.Cli.Settings;

/// <summary>
/// The folder of settings files that ships with the app: <c>default.conf</c> plus one file per named scenario.
/// </summary>
internal static partial class SettingsFolder
{
    public const string DefaultFileName = "default.conf";

    private const string Extension = ".conf";

    /// <summary>The <c>hocon</c> folder next to the executable, independent of the current directory.</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "hocon");

    public static SettingsFile Defaults(string folder) =>
        new(Path.Combine(folder, DefaultFileName), "It ships in the hocon folder next to the executable; restore it from the repository.");

    public static SettingsFile Config(string argument) =>
        new(Path.GetFullPath(argument), "Check the path given to --config.");

    /// <summary>Returns the file of a named scenario, accepting the name with or without <c>.conf</c>.</summary>
    /// <exception cref="UsageException">The name is not a plain file name, or no such scenario exists.</exception>
    public static SettingsFile Scenario(string folder, string name)
    {
        var bareName = name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name[..^Extension.Length] : name;
        if (!ScenarioNamePattern().IsMatch(bareName))
        {
            throw new UsageException(
                $"invalid scenario name '{name}': a scenario is a file name in {folder}, made of letters, digits, '-', '_' and '.'. Use --config FILE for a file elsewhere.");
        }

        var path = Path.Combine(folder, bareName + Extension);
        if (!File.Exists(path))
        {
            throw new UsageException(
                $"scenario '{name}' not found: there is no {path}{NameSuggestion.DidYouMean(bareName, ScenarioNames(folder))}. Available scenarios: {string.Join(", ", ScenarioNames(folder))}.");
        }

        return new SettingsFile(path, "Check the name given to --scenario.");
    }

    /// <summary>Returns the names of the scenarios in the folder, sorted; <c>default</c> is one of them.</summary>
    public static IReadOnlyList<string> ScenarioNames(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ScenarioNamePattern();
}
