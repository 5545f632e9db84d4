using System.Collections.Concurrent;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Peers;

/// <summary>
/// The <see cref="BlockingCollection{T}"/> peer: one thread per producer and one per consumer around a bounded
/// collection, and a coordinator thread that calls <see cref="BlockingCollection{T}.CompleteAdding"/> once every
/// producer has finished. The thread layout is the threaded engine's, so the two compare buffer for buffer.
/// </summary>
/// <remarks>
/// A failure also calls <see cref="BlockingCollection{T}.CompleteAdding"/>: blocked adds then throw and the
/// consumers stop once the collection is empty, so no thread stays blocked.
/// </remarks>
public static class BlockingCollectionPipeline
{
    /// <summary>Starts the run's threads and returns a task that completes when all of them have stopped.</summary>
    /// <exception cref="PipelineFailedException">A producer, a consumer, the source or the sink threw.</exception>
    public static Task RunAsync<T>(PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink)
    {
        settings.Validate();
        var collection = new BlockingCollection<T>(new ConcurrentQueue<T>(), settings.Capacity);
        var failure = new FirstFailure();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var consumers = StartThreads("consumer", settings.Consumers, collection, failure, index =>
        {
            var work = new WorkSimulator(settings.ConsumerWork, WorkSimulator.SeedFor(settings.Seed, "consumer", index));
            foreach (var item in collection.GetConsumingEnumerable())
            {
                if (!work.IsNone)
                {
                    work.Perform();
                }

                sink.Write(item);
            }
        });

        var producers = StartThreads("producer", settings.Producers, collection, failure, index =>
        {
            var work = new WorkSimulator(settings.ProducerWork, WorkSimulator.SeedFor(settings.Seed, "producer", index));
            foreach (var item in SourceChunk.Enumerate(source))
            {
                if (!work.IsNone)
                {
                    work.Perform();
                }

                collection.Add(item);
            }
        });

        var coordinator = new Thread(() => Coordinate(producers, consumers, collection, failure, completion))
        {
            Name = "blocking-collection-coordinator",
            IsBackground = true,
        };
        coordinator.Start();

        return completion.Task;
    }

    private static Thread[] StartThreads<T>(string role, int count, BlockingCollection<T> collection, FirstFailure failure, Action<int> body)
    {
        var threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            threads[i] = new Thread(() => Guard(() => body(index), collection, failure))
            {
                Name = $"blocking-collection-{role}-{index}",
                IsBackground = true,
            };
            threads[i].Start();
        }

        return threads;
    }

    private static void Coordinate<T>(Thread[] producers, Thread[] consumers, BlockingCollection<T> collection, FirstFailure failure, TaskCompletionSource completion)
    {
        foreach (var producer in producers)
        {
            producer.Join();
        }

        collection.CompleteAdding();
        foreach (var consumer in consumers)
        {
            consumer.Join();
        }

        collection.Dispose();
        if (failure.Exception is { } error)
        {
            completion.SetException(new PipelineFailedException($"The BlockingCollection peer failed: {error.GetType().Name}: {error.Message}", error));
        }
        else
        {
            completion.SetResult();
        }
    }

    /// <summary>Runs a worker and records its exception instead of letting it end the process.</summary>
    private static void Guard<T>(Action body, BlockingCollection<T> collection, FirstFailure failure)
    {
        try
        {
            body();
        }
        catch (Exception error)
        {
            failure.Record(error);
            collection.CompleteAdding();
        }
    }
}
