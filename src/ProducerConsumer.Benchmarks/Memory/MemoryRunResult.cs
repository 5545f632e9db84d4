namespace ProducerConsumer.Benchmarks.Memory;

/// <summary>What one memory run measured, as its process reports it to the parent in one JSON line.</summary>
/// <param name="Engine">The engine's name: <c>actor</c> or <c>threaded</c>.</param>
/// <param name="Items">Items moved, each checked to arrive exactly once.</param>
/// <param name="Capacity">The buffer's capacity.</param>
/// <param name="ElapsedSeconds">Wall-clock time of the run, actor system start and stop included.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set at the end of the run (VmHWM on Linux).</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap by the whole process up to the end of the run.</param>
/// <param name="Gen0Collections">Garbage collections of generation 0 in the process.</param>
/// <param name="Gen1Collections">Garbage collections of generation 1 in the process.</param>
/// <param name="Gen2Collections">Garbage collections of generation 2 in the process.</param>
/// <param name="HeapAfterFullCollectionBytes">
/// The managed heap's size after a full collection at the end of the run: what the process still holds, as opposed
/// to the garbage that the peak working set may include.
/// </param>
public sealed record MemoryRunResult(
    string Engine,
    int Items,
    int Capacity,
    double ElapsedSeconds,
    long PeakWorkingSetBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long HeapAfterFullCollectionBytes)
{
    /// <summary>The prefix of the line that carries the result on the run's standard output.</summary>
    public const string LinePrefix = "MEMORY-RUN-RESULT ";

    public double ItemsPerSecond => Items / ElapsedSeconds;

    public double AllocatedBytesPerItem => (double)AllocatedBytes / Items;
}
