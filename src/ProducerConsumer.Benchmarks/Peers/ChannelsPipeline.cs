using System.Threading.Channels;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Peers;

/// <summary>
/// The System.Threading.Channels peer: one writer task per producer and one reader task per consumer around a
/// bounded channel whose writers wait while it is full. Items move one at a time with async writes and reads.
/// </summary>
/// <remarks>
/// No write or read takes a cancellation token, because the bounded channel reuses one wait operation per reader
/// and writer only for calls without a cancelable token. A failure completes the channel with the exception
/// instead, which fails every blocked write and ends every reader.
/// </remarks>
public static class ChannelsPipeline
{
    /// <summary>Runs the pipeline to completion.</summary>
    /// <exception cref="PipelineFailedException">A writer, a reader, the source or the sink threw.</exception>
    public static async Task RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink)
    {
        settings.Validate();
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(settings.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        var failure = new FirstFailure();

        // Readers start first so that the first items find a reader already waiting, as in the threaded engine.
        var readers = new Task[settings.Consumers];
        for (var i = 0; i < readers.Length; i++)
        {
            var work = new WorkSimulator(settings.ConsumerWork, WorkSimulator.SeedFor(settings.Seed, "consumer", i));
            readers[i] = Task.Run(() => GuardAsync(ReadAsync(channel.Reader, sink, work), channel.Writer, failure));
        }

        var writers = new Task[settings.Producers];
        for (var i = 0; i < writers.Length; i++)
        {
            var work = new WorkSimulator(settings.ProducerWork, WorkSimulator.SeedFor(settings.Seed, "producer", i));
            writers[i] = Task.Run(() => GuardAsync(WriteAsync(channel.Writer, source, work), channel.Writer, failure));
        }

        await Task.WhenAll(writers).ConfigureAwait(false);

        // Completion lets the readers drain what is queued and then stop. After a failure the channel is already complete.
        channel.Writer.TryComplete();
        await Task.WhenAll(readers).ConfigureAwait(false);

        if (failure.Exception is { } error)
        {
            throw new PipelineFailedException($"The Channels peer failed: {error.GetType().Name}: {error.Message}", error);
        }
    }

    private static async Task WriteAsync<T>(ChannelWriter<T> writer, IItemSource<T> source, WorkSimulator work)
    {
        foreach (var item in SourceChunk.Enumerate(source))
        {
            if (!work.IsNone)
            {
                await work.PerformAsync().ConfigureAwait(false);
            }

            await writer.WriteAsync(item).ConfigureAwait(false);
        }
    }

    private static async Task ReadAsync<T>(ChannelReader<T> reader, IItemSink<T> sink, WorkSimulator work)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (!work.IsNone)
                {
                    await work.PerformAsync().ConfigureAwait(false);
                }

                sink.Write(item);
            }
        }
    }

    /// <summary>
    /// Runs a worker and records its exception instead of throwing it. Completing the channel with the exception
    /// fails the writes blocked on a full channel and ends the readers once the channel is empty, so no worker
    /// waits for an item that never comes.
    /// </summary>
    private static async Task GuardAsync<T>(Task worker, ChannelWriter<T> writer, FirstFailure failure)
    {
        try
        {
            await worker.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            failure.Record(error);
            writer.TryComplete(error);
        }
    }
}
