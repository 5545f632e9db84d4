using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Benchmarks.Peers;

/// <summary>
/// The Akka.Streams peer: each producer is a source of the items, merged into a
/// <c>Buffer(capacity, OverflowStrategy.Backpressure)</c> stage, which a balance stage spreads over one sink per
/// consumer. Merge and balance are left out when there is only one producer or one consumer.
/// </summary>
/// <remarks>
/// Every source and every sink is an async boundary, so each runs in an actor of its own, while merge, buffer and
/// balance run fused in one more actor: the same layout as the actor engine's producers, buffer and consumers.
/// Each async boundary has an input buffer of up to <c>akka.stream.materializer.max-input-buffer-size</c> elements
/// (16 in Akka.Streams 1.5.75's reference configuration) and requests elements across the boundary in batches, so
/// up to that many more items than the capacity can be in flight per boundary.
/// </remarks>
public static class AkkaStreamsPipeline
{
    /// <summary>Materializes the graph and completes when every consumer's sink has completed.</summary>
    /// <exception cref="PipelineFailedException">A stage, the source or the sink threw, which fails the stream.</exception>
    public static async Task RunAsync<T>(IMaterializer materializer, PipelineSettings settings, IItemSource<T> source, IItemSink<T> sink)
    {
        settings.Validate();

        // The materialized value of a sink inside a closed graph is dropped, so each sink stores its completion here
        // while it is materialized.
        var consumerCompletions = new Task[settings.Consumers];

        var graph = GraphDsl.Create(builder =>
        {
            var buffer = builder.Add(Flow.Create<T>().Buffer(settings.Capacity, OverflowStrategy.Backpressure));

            ConnectProducers(builder, buffer.Inlet, settings, source);
            ConnectConsumers(builder, buffer.Outlet, settings, sink, consumerCompletions);

            return ClosedShape.Instance;
        });

        RunnableGraph.FromGraph(graph).Run(materializer);

        try
        {
            await Task.WhenAll(consumerCompletions).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            throw new PipelineFailedException($"The Akka.Streams peer failed: {error.GetType().Name}: {error.Message}", error);
        }
    }

    private static void ConnectProducers<T>(GraphDsl.Builder<NotUsed> builder, Inlet<T> bufferIn, PipelineSettings settings, IItemSource<T> source)
    {
        if (settings.Producers == 1)
        {
            builder.From(Producer(settings, source, 0)).To(bufferIn);
            return;
        }

        var merge = builder.Add(new Merge<T>(settings.Producers));
        for (var i = 0; i < settings.Producers; i++)
        {
            builder.From(Producer(settings, source, i)).To(merge.In(i));
        }

        builder.From(merge.Out).To(bufferIn);
    }

    private static void ConnectConsumers<T>(GraphDsl.Builder<NotUsed> builder, Outlet<T> bufferOut, PipelineSettings settings, IItemSink<T> sink, Task[] completions)
    {
        if (settings.Consumers == 1)
        {
            builder.From(bufferOut).To(Consumer(settings, sink, 0, completions));
            return;
        }

        var balance = builder.Add(new Balance<T>(settings.Consumers));
        builder.From(bufferOut).To(balance.In);
        for (var i = 0; i < settings.Consumers; i++)
        {
            builder.From(balance.Out(i)).To(Consumer(settings, sink, i, completions));
        }
    }

    /// <summary>A producer: the items it reads from the shared source, each after the producer's work.</summary>
    private static Source<T, NotUsed> Producer<T>(PipelineSettings settings, IItemSource<T> source, int index)
    {
        var work = new WorkSimulator(settings.ProducerWork, WorkSimulator.SeedFor(settings.Seed, "producer", index));
        var items = SourceChunk.Enumerate(source);
        if (!work.IsNone)
        {
            items = items.Select(item =>
            {
                work.Perform();
                return item;
            });
        }

        return Source.From(items).Async();
    }

    /// <summary>A consumer: performs its work on each item and writes it to the sink.</summary>
    private static Sink<T, NotUsed> Consumer<T>(PipelineSettings settings, IItemSink<T> sink, int index, Task[] completions)
    {
        var work = new WorkSimulator(settings.ConsumerWork, WorkSimulator.SeedFor(settings.Seed, "consumer", index));
        return Sink
            .ForEach<T>(item =>
            {
                if (!work.IsNone)
                {
                    work.Perform();
                }

                sink.Write(item);
            })
            .MapMaterializedValue(completion =>
            {
                completions[index] = completion;
                return NotUsed.Instance;
            })
            .Async();
    }
}
