using Akka.Configuration;
using Akka.Configuration.Hocon;
using ProducerConsumer.Cli.Commands;

namespace ProducerConsumer.Cli.Settings;

/// <summary>
/// Rejects keys that the app does not know. A mistyped key would otherwise be ignored, and the setting it meant to
/// change would silently keep the value of default.conf.
/// </summary>
internal static class HoconKeyCheck
{
    /// <exception cref="UsageException">The file has an unknown section or key, or a value where a section belongs.</exception>
    public static void Check(Config config, string file)
    {
        if (config.IsEmpty)
        {
            return;
        }

        var root = config.Root.GetObject().Items;
        foreach (var key in root.Keys)
        {
            if (!SettingKeys.TopLevelKeys.Contains(key))
            {
                throw new UsageException(
                    $"unknown section {key} in {file}{NameSuggestion.DidYouMean(key, SettingKeys.TopLevelKeys)}. A settings file contains only the sections producer-consumer and akka.");
            }
        }

        if (!root.TryGetValue(SettingKeys.Section, out var section))
        {
            return;
        }

        var sectionKeys = SectionItems(section, SettingKeys.Section, file);
        CheckKeys(sectionKeys.Keys, SettingKeys.SectionKeys, SettingKeys.Section, file);

        foreach (var work in (string[])[SettingKeys.ProducerWork, SettingKeys.ConsumerWork])
        {
            if (sectionKeys.TryGetValue(work, out var workSection))
            {
                var path = SettingKeys.PathOf(work);
                CheckKeys(SectionItems(workSection, path, file).Keys, SettingKeys.WorkKeys, path, file);
            }
        }
    }

    private static Dictionary<string, HoconValue> SectionItems(HoconValue value, string path, string file)
    {
        if (!value.IsObject())
        {
            throw new UsageException($"invalid {path} in {file}: expected a section in braces, such as {path} {{ ... }}, but found a value.");
        }

        return value.GetObject().Items;
    }

    private static void CheckKeys(IEnumerable<string> keys, IReadOnlyList<string> known, string path, string file)
    {
        foreach (var key in keys)
        {
            if (!known.Contains(key))
            {
                throw new UsageException(
                    $"unknown setting {path}.{key} in {file}{NameSuggestion.DidYouMean(key, known)}. The settings of {path} are {string.Join(", ", known)}.");
            }
        }
    }
}
