using System.Diagnostics;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// A single-threaded engine with a scripted fault, so the console app's handling of lost, duplicated and failed
/// runs can be tested without a broken real engine.
/// </summary>
internal sealed class FakeEngine : IPipelineEngine
{
    public enum Behavior
    {
        /// <summary>Delivers every item once, in order.</summary>
        Deliver,

        /// <summary>Never writes the first item.</summary>
        DropFirst,

        /// <summary>Writes the first item twice.</summary>
        DuplicateFirst,

        /// <summary>Reads one batch, then throws <see cref="PipelineFailedException"/>.</summary>
        Fail,

        /// <summary>Waits until the run is cancelled.</summary>
        WaitForCancellation,

        /// <summary>Ignores cancellation and waits until the test calls <see cref="Release"/>.</summary>
        IgnoreCancellation,
    }

    private readonly Behavior _behavior;

    public FakeEngine(string name, Behavior behavior)
    {
        Name = name;
        _behavior = behavior;
    }

    public string Name { get; }

    /// <summary>Completes when the run starts.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that the run awaits before it reads the first item, so a test can hold the run until something happened.</summary>
    public Task Gate { get; init; } = Task.CompletedTask;

    private TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends a run that ignores cancellation.</summary>
    public void Release() => Released.TrySetResult();

    public async Task<PipelineRun> RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink, CancellationToken cancellationToken = default)
    {
        Started.TrySetResult();
        await Gate;
        var stopwatch = Stopwatch.StartNew();
        var batch = new T[settings.MaxBatch];

        if (_behavior == Behavior.WaitForCancellation)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (_behavior == Behavior.IgnoreCancellation)
        {
            await Released.Task;
        }

        if (_behavior == Behavior.Fail)
        {
            source.Read(batch);
            throw new PipelineFailedException("consumer 0 stopped", new InvalidOperationException("simulated fault"));
        }

        long produced = 0;
        long consumed = 0;
        int read;
        while ((read = source.Read(batch)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var copies = 1;
                if (produced == 0 && i == 0 && _behavior == Behavior.DropFirst)
                {
                    copies = 0;
                }
                else if (produced == 0 && i == 0 && _behavior == Behavior.DuplicateFirst)
                {
                    copies = 2;
                }

                for (var copy = 0; copy < copies; copy++)
                {
                    sink.Write(batch[i]);
                    consumed++;
                }
            }

            produced += read;
        }

        return new PipelineRun(Name, settings, stopwatch.Elapsed, [produced], [consumed], Math.Min(settings.Capacity, settings.MaxBatch));
    }
}
