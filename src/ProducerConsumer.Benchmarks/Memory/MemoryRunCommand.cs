using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProducerConsumer.Actors;
using ProducerConsumer.Benchmarks.Running;
using ProducerConsumer.Engines;
using ProducerConsumer.Threaded;

namespace ProducerConsumer.Benchmarks.Memory;

/// <summary>
/// The child side of the memory command: runs one engine once in this process, checks delivery, and prints a
/// <see cref="MemoryRunResult"/> line. The memory command starts it; it is not meant to be typed.
/// </summary>
public static class MemoryRunCommand
{
    public const string Name = "memory-run";

    /// <summary>Runs <c>memory-run ENGINE ITEMS CAPACITY</c>.</summary>
    /// <exception cref="UsageException">The arguments are not an engine name and two positive integers.</exception>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var engineName, var itemsText, var capacityText])
        {
            throw new UsageException($"{Name} expects 3 arguments: ENGINE ITEMS CAPACITY, but got {args.Length}.");
        }

        var engine = CreateEngine(engineName);
        var items = ParsePositive("ITEMS", itemsText);
        var capacity = ParsePositive("CAPACITY", capacityText);
        var settings = PipelineSettings.Create(capacity, producers: 1, consumers: 1);

        var stopwatch = Stopwatch.StartNew();
        try
        {
            await CheckedRun.RunAsync($"memory {engine.Name} K={capacity} N={items}", items, (source, sink) => engine.RunAsync(settings, source, sink));
        }
        catch (Exception error) when (error is PipelineFailedException or DeliveryCheckFailedException or TimeoutException)
        {
            // CheckedRun already wrote the failure to standard error.
            return ExitCodes.RunFailed;
        }

        stopwatch.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakWorkingSet = process.PeakWorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        // The forced collection comes after every other reading, so it changes none of them.
        var heapAfterFullCollection = GC.GetTotalMemory(forceFullCollection: true);

        var result = new MemoryRunResult(
            engine.Name, items, capacity, stopwatch.Elapsed.TotalSeconds, peakWorkingSet, allocated, gen0, gen1, gen2, heapAfterFullCollection);

        Console.WriteLine(MemoryRunResult.LinePrefix + JsonSerializer.Serialize(result));
        return ExitCodes.Success;
    }

    private static IPipelineEngine CreateEngine(string name) => name switch
    {
        "actor" => new ActorEngine(QuietActorConfig.Instance),
        "threaded" => new ThreadedEngine(),
        _ => throw new UsageException($"Invalid engine '{name}': expected 'actor' or 'threaded'."),
    };

    private static int ParsePositive(string name, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new UsageException($"Invalid {name} '{text}': expected a positive integer.");
        }

        return value;
    }
}
