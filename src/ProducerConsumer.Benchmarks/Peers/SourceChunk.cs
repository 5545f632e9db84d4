using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Peers;

/// <summary>
/// How the peers' producers read the shared source: a chunk of items per call, then one item at a time into the
/// peer. Reading in chunks keeps the source's shared counter out of the comparison, as in the engines' default mode,
/// whose producers also read whole batches.
/// </summary>
internal static class SourceChunk
{
    /// <summary>Items a producer reads from the source per call; the engines' default maximum batch.</summary>
    public const int Size = Engines.PipelineSettings.DefaultMaxBatch;

    /// <summary>Enumerates the source's items, reading a chunk whenever the previous one is used up.</summary>
    public static IEnumerable<T> Enumerate<T>(IItemSource<T> source)
    {
        var chunk = new T[Size];
        while (true)
        {
            var read = source.Read(chunk);
            if (read == 0)
            {
                yield break;
            }

            for (var i = 0; i < read; i++)
            {
                yield return chunk[i];
            }
        }
    }
}
