using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ProducerConsumer.Benchmarks.Memory;

/// <summary>
/// Shows that an engine's memory does not grow with the number of items: runs each engine with a small and a
/// large item count, each run in a new process of this program, and compares the runs' peak working sets.
/// </summary>
public static class MemoryCommand
{
    private const int Capacity = 64;

    /// <summary>The most the peak working set of the large run may exceed that of the small run: 5 MB.</summary>
    private const long GrowthTargetBytes = 5_000_000;

    private static readonly string[] s_engines = ["actor", "threaded"];

    private static readonly int[] s_itemCounts = [100_000, 10_000_000];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0)
        {
            throw new UsageException($"memory takes no arguments, but got '{string.Join(' ', args)}'.");
        }

        var results = new List<MemoryRunResult>();
        var failedRuns = 0;
        foreach (var engine in s_engines)
        {
            foreach (var items in s_itemCounts)
            {
                Console.WriteLine($"Running the {engine} engine with {items:N0} items through capacity {Capacity} in a new process...");
                var result = await RunInChildProcessAsync(engine, items);
                if (result is null)
                {
                    failedRuns++;
                    continue;
                }

                results.Add(result);
            }
        }

        Console.WriteLine();
        PrintTable(results);
        Console.WriteLine();
        PrintGrowth(results);

        if (failedRuns > 0)
        {
            Console.Error.WriteLine($"{failedRuns} of {s_engines.Length * s_itemCounts.Length} runs failed; their messages are above.");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>Starts this program again with <see cref="MemoryRunCommand"/> and returns its result, or null if it failed.</summary>
    private static async Task<MemoryRunResult?> RunInChildProcessAsync(string engine, int items)
    {
        var start = ChildStartInfo();
        start.ArgumentList.Add(MemoryRunCommand.Name);
        start.ArgumentList.Add(engine);
        start.ArgumentList.Add(items.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(Capacity.ToString(CultureInfo.InvariantCulture));
        start.RedirectStandardOutput = true;

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Failed to start {start.FileName}.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();

        MemoryRunResult? result = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(MemoryRunResult.LinePrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<MemoryRunResult>(line[MemoryRunResult.LinePrefix.Length..]);
            }
            else
            {
                Console.WriteLine($"  [{engine} {items}] {line}");
            }
        }

        if (child.ExitCode != ExitCodes.Success || result is null)
        {
            Console.Error.WriteLine($"The {engine} run with {items} items failed with exit code {child.ExitCode}.");
            return null;
        }

        return result;
    }

    /// <summary>
    /// The start information for a new process of this program: its app host, or the <c>dotnet</c> host with
    /// this assembly when the program was started as <c>dotnet ProducerConsumer.Benchmarks.dll</c>.
    /// </summary>
    private static ProcessStartInfo ChildStartInfo()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process's executable is unknown.");
        var start = new ProcessStartInfo(processPath) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(MemoryCommand).Assembly.Location);
        }

        return start;
    }

    private static void PrintTable(IEnumerable<MemoryRunResult> results)
    {
        Console.WriteLine("| Engine | Items | Capacity | Elapsed (s) | Items/s | Peak working set (MB) | Heap after full GC (MB) | Allocated (B/item) | GCs gen0/1/2 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Engine} | {r.Items:N0} | {r.Capacity} | {r.ElapsedSeconds:0.000} | {r.ItemsPerSecond:N0} | {Megabytes(r.PeakWorkingSetBytes):0.0} | {Megabytes(r.HeapAfterFullCollectionBytes):0.0} | {r.AllocatedBytesPerItem:0.0} | {r.Gen0Collections}/{r.Gen1Collections}/{r.Gen2Collections} |"));
        }
    }

    private static void PrintGrowth(List<MemoryRunResult> results)
    {
        foreach (var engine in s_engines)
        {
            var small = results.Find(r => r.Engine == engine && r.Items == s_itemCounts[0]);
            var large = results.Find(r => r.Engine == engine && r.Items == s_itemCounts[^1]);
            if (small is null || large is null)
            {
                Console.WriteLine($"{engine}: growth not measured, because a run failed.");
                continue;
            }

            var growth = large.PeakWorkingSetBytes - small.PeakWorkingSetBytes;
            var verdict = growth <= GrowthTargetBytes ? "met" : "missed";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{engine}: peak working set at {large.Items:N0} items is {Megabytes(growth):0.0} MB above that at {small.Items:N0} items; target at most {Megabytes(GrowthTargetBytes):0} MB: {verdict}."));
        }
    }

    private static double Megabytes(long bytes) => bytes / 1_000_000.0;
}
