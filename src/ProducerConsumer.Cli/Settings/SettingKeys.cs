namespace ProducerConsumer.Cli.Settings;

/// <summary>The HOCON keys of the app's settings. Every key of the app sits in the <c>producer-consumer</c> section.</summary>
internal static class SettingKeys
{
    public const string Section = "producer-consumer";

    /// <summary>The actor system's section, passed whole to the actor engine and not checked here.</summary>
    public const string AkkaSection = "akka";

    public const string Capacity = "capacity";

    public const string Producers = "producers";

    public const string Consumers = "consumers";

    public const string Items = "items";

    public const string MaxBatch = "max-batch";

    public const string Seed = "seed";

    public const string ProducerWork = "producer-work";

    public const string ConsumerWork = "consumer-work";

    public const string Delay = "delay";

    public const string CpuIterations = "cpu-iterations";

    public const string Random = "random";

    public const string BurstSize = "burst-size";

    public const string BurstPause = "burst-pause";

    public static IReadOnlyList<string> TopLevelKeys { get; } = [Section, AkkaSection];

    public static IReadOnlyList<string> SectionKeys { get; } =
        [Capacity, Producers, Consumers, Items, MaxBatch, Seed, ProducerWork, ConsumerWork];

    /// <summary>The keys of <c>producer-work</c> and <c>consumer-work</c>.</summary>
    public static IReadOnlyList<string> WorkKeys { get; } = [Delay, CpuIterations, Random, BurstSize, BurstPause];

    /// <summary>Returns the full path of a key, such as <c>producer-consumer.capacity</c>.</summary>
    public static string PathOf(params string[] keys) => string.Join('.', [Section, .. keys]);
}
