namespace ProducerConsumer.Cli.Metrics;

/// <summary>
/// Garbage collections per generation during a run, as differences of <see cref="GC.CollectionCount"/>. A gen1
/// collection also collects gen0, and a gen2 collection all three, so <see cref="Gen0"/> counts every collection.
/// </summary>
internal sealed record GcCollections(int Gen0, int Gen1, int Gen2)
{
    /// <summary>Reads the process's collection counts so far.</summary>
    public static GcCollections Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>Returns the collections since <paramref name="start"/>.</summary>
    public GcCollections Since(GcCollections start) => new(Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2);
}
