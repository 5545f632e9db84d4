using Akka.Configuration;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Cli.Settings;

/// <summary>The settings that the HOCON files give, each checked for its type but not yet for its range.</summary>
/// <param name="Defaults">The file of defaults.</param>
/// <param name="Overlay">The file read on top of the defaults, or <c>null</c>.</param>
/// <param name="Config">The merged configuration, including the <c>akka</c> section for the actor engine.</param>
/// <param name="Capacity"><c>producer-consumer.capacity</c>.</param>
/// <param name="Producers"><c>producer-consumer.producers</c>.</param>
/// <param name="Consumers"><c>producer-consumer.consumers</c>.</param>
/// <param name="Items"><c>producer-consumer.items</c>.</param>
/// <param name="MaxBatch"><c>producer-consumer.max-batch</c>.</param>
/// <param name="Seed"><c>producer-consumer.seed</c>.</param>
/// <param name="ProducerWork"><c>producer-consumer.producer-work</c>, fully checked.</param>
/// <param name="ConsumerWork"><c>producer-consumer.consumer-work</c>, fully checked.</param>
internal sealed record FileSettings(
    SettingsFile Defaults,
    SettingsFile? Overlay,
    Config Config,
    SettingValue<int> Capacity,
    SettingValue<int> Producers,
    SettingValue<int> Consumers,
    SettingValue<int> Items,
    SettingValue<int> MaxBatch,
    SettingValue<int> Seed,
    ItemWork ProducerWork,
    ItemWork ConsumerWork)
{
    /// <summary>The files in use, for the results heading.</summary>
    public string Description => Overlay is null ? Defaults.Path : $"{Overlay.Path} (on top of {Path.GetFileName(Defaults.Path)})";
}
