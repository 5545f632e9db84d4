using Akka.Configuration;
using ProducerConsumer.Cli.Commands;

namespace ProducerConsumer.Cli.Settings;

/// <summary>
/// Loads the app's settings: the file of defaults, and optionally a second file read on top of it, so that a
/// scenario or a user's file states only the keys it changes.
/// </summary>
internal static class HoconSettingsLoader
{
    /// <exception cref="UsageException">A file is missing or invalid, or a setting is missing or has the wrong type.</exception>
    public static FileSettings Load(SettingsFile defaults, SettingsFile? overlay)
    {
        var defaultsConfig = LoadChecked(defaults);

        // --scenario default names the defaults themselves, which need not be read twice.
        if (overlay is not null && FilePaths.AreSame(overlay.Path, defaults.Path))
        {
            overlay = null;
        }

        var overlayConfig = overlay is null ? null : LoadChecked(overlay);
        var merged = overlayConfig is null ? defaultsConfig : overlayConfig.WithFallback(defaultsConfig);

        var reader = new HoconValueReader(merged, overlayConfig, overlay?.Path, defaults.Path);
        return new FileSettings(
            defaults,
            overlay,
            merged,
            reader.ReadInt(SettingKeys.PathOf(SettingKeys.Capacity)),
            reader.ReadInt(SettingKeys.PathOf(SettingKeys.Producers)),
            reader.ReadInt(SettingKeys.PathOf(SettingKeys.Consumers)),
            reader.ReadInt(SettingKeys.PathOf(SettingKeys.Items)),
            reader.ReadInt(SettingKeys.PathOf(SettingKeys.MaxBatch)),
            reader.ReadInt(SettingKeys.PathOf(SettingKeys.Seed)),
            reader.ReadWork(SettingKeys.ProducerWork),
            reader.ReadWork(SettingKeys.ConsumerWork));
    }

    private static Config LoadChecked(SettingsFile file)
    {
        var config = HoconFile.Load(file.Path, file.NotFoundFix);
        HoconKeyCheck.Check(config, file.Path);
        return config;
    }
}
