using System.Runtime.CompilerServices;

namespace ProducerConsumer.Workloads;

/// <summary>
/// Performs the <see cref="ItemWork"/> of one producer or consumer. Each worker owns one instance, so the
/// random sequence is reproducible from the seed and needs no lock.
/// </summary>
public sealed class WorkSimulator
{
    /// <summary>The last hash of the CPU loop, kept so the JIT cannot remove the loop.</summary>
    private static uint s_lastHash;

    private readonly ItemWork _work;

    /// <summary>The worker's own generator, seeded per run, role and index.</summary>
    private readonly Random _random;

    /// <summary>Items handled since the last burst pause.</summary>
    private int _itemsInBurst;

    public WorkSimulator(ItemWork work, int seed)
    {
        _work = work;
        _random = new Random(seed);
    }

    /// <summary>Whether there is nothing to do per item.</summary>
    public bool IsNone => _work.IsNone;

    /// <summary>Whether the work includes a delay.</summary>
    public bool HasDelay => _work.HasDelay;

    /// <summary>Derives a worker's seed from the run's seed, its role and index, so workers draw different sequences.</summary>
    public static int SeedFor(int runSeed, string role, int index) =>
        HashCode.Combine(runSeed, role.Length, role[0], index);

    /// <summary>Performs one item's work on the calling thread, blocking it for the delay.</summary>
    public void Perform()
    {
        BurnCpu(NextIterations());

        var delay = NextDelay();
        if (delay > TimeSpan.Zero)
        {
            Thread.Sleep(delay);
        }
    }

    /// <summary>Returns the pause that ends a burst after this item, or zero inside a burst.</summary>
    private TimeSpan NextBurstPause()
    {
        if (!_work.HasBursts || ++_itemsInBurst < _work.BurstSize)
        {
            return TimeSpan.Zero;
        }

        _itemsInBurst = 0;
        return _work.BurstPause;
    }

    /// <summary>Performs one item's work, waiting for the delay without holding a thread.</summary>
    public Task PerformAsync()
    {
        BurnCpu(NextIterations());

        var delay = NextDelay();
        return delay > TimeSpan.Zero ? Task.Delay(delay) : Task.CompletedTask;
    }

    private int NextIterations()
    {
        if (_work.CpuIterations == 0)
        {
            return 0;
        }

        return _work.Random ? _random.Next(0, 2 * _work.CpuIterations + 1) : _work.CpuIterations;
    }

    private TimeSpan NextDelay()
    {
        var delay = _work.Random ? _work.Delay * (2 * _random.NextDouble()) : _work.Delay;
        return delay + NextBurstPause();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BurnCpu(int iterations)
    {
        uint x = 2166136261;
        for (var i = 0; i < iterations; i++)
        {
            x = (x ^ (uint)i) * 16777619;
        }

        s_lastHash = x;
    }
}
