using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ProducerConsumer.Workloads;

/// <summary>
/// Performs the <see cref="ItemWork"/> of one producer or consumer. Each worker owns one instance, so the
/// random sequence is reproducible from the seed and needs no lock.
/// </summary>
/// <remarks>
/// Delays are paced against a schedule instead of slept one by one. Timers are coarse: on a 2-core Linux VM,
/// <c>Thread.Sleep(1)</c> measured 1.7 ms and <c>await Task.Delay(1)</c> 4.5 ms, so per-item waits would give a
/// blocking and an asynchronous worker very different rates for the same setting. Each delay moves the worker's due
/// time forward, and the worker waits only while it is ahead of that time. The next items make up for an
/// oversleep. A worker that fell behind, for example while blocked by backpressure, may catch up by at most
/// <see cref="MaxCatchUp"/>, so it does not rush through a long stretch of items.
/// </remarks>
public sealed class WorkSimulator
{
    /// <summary>The last hash of the CPU loop, kept so the JIT cannot remove the loop.</summary>
    private static uint s_lastHash;

    private readonly ItemWork _work;

    /// <summary>The worker's own generator, seeded per run, role and index.</summary>
    private readonly Random _random;

    /// <summary>The largest lag behind schedule that later items may make up by not waiting.</summary>
    private static readonly long MaxCatchUp = Stopwatch.Frequency * 5 / 1000;

    /// <summary>Items handled since the last burst pause.</summary>
    private int _itemsInBurst;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the delays so far are due to end; 0 before the first.</summary>
    private long _dueTimestamp;

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

        var wait = NextWait();
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
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

        var wait = NextWait();
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }

    private int NextIterations()
    {
        if (_work.CpuIterations == 0)
        {
            return 0;
        }

        return _work.Random ? _random.Next(0, 2 * _work.CpuIterations + 1) : _work.CpuIterations;
    }

    /// <summary>Adds the next item's delay to the schedule and returns how long the worker is ahead of it.</summary>
    private TimeSpan NextWait()
    {
        var delay = _work.Random ? _work.Delay * (2 * _random.NextDouble()) : _work.Delay;
        delay += NextBurstPause();
        if (delay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var now = Stopwatch.GetTimestamp();
        _dueTimestamp = _dueTimestamp == 0 ? now : Math.Max(_dueTimestamp, now - MaxCatchUp);
        _dueTimestamp += (long)(delay.TotalSeconds * Stopwatch.Frequency);

        return _dueTimestamp > now ? Stopwatch.GetElapsedTime(now, _dueTimestamp) : TimeSpan.Zero;
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
