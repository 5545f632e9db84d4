using System.Collections.Concurrent;
using ProducerConsumer.Engines;
using ProducerConsumer.Tests.Engines;
using ProducerConsumer.Threaded;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Threaded;

/// <summary>What the threaded engine promises beyond the behaviour shared by every engine.</summary>
public sealed class ThreadedEngineTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Name_IsThreaded()
    {
        Assert.Equal("threaded", new ThreadedEngine().Name);
    }

    [Fact]
    public void Constructor_RejectsNegativeSpinCount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadedEngine(spinCount: -1));
    }

    [Fact]
    public void RunAsync_RejectsInvalidSettings()
    {
        var settings = PipelineSettings.Create(capacity: 0, producers: 1, consumers: 1);

        // The block body makes the lambda an Action, so the assertion requires the throw before any task exists.
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            _ = new ThreadedEngine().RunAsync(settings, new GeneratedIntegerSource(1), new LedgerSink());
        });
    }

    [Fact]
    public async Task RunAsync_UsesNamedBackgroundThreads()
    {
        // Thread properties are read while the thread runs, because a stopped thread's IsBackground throws.
        var settings = PipelineSettings.Create(capacity: 4, producers: 2, consumers: 3);
        var producerThreads = new ConcurrentDictionary<int, ThreadFacts>();
        var consumerThreads = new ConcurrentDictionary<int, ThreadFacts>();
        var source = new CallbackSource<int>(new GeneratedIntegerSource(10_000), () => Observe(producerThreads));
        var sink = new CallbackSink<int>(new LedgerSink(), _ => Observe(consumerThreads));

        await new ThreadedEngine().RunAsync(settings, source, sink).WaitAsync(RunTimeout);

        // One thread may drain the source or the buffer before another is scheduled, so only seen threads count.
        Assert.NotEmpty(producerThreads);
        Assert.NotEmpty(consumerThreads);
        Assert.All(producerThreads.Values, thread => Assert.StartsWith("threaded-producer-", thread.Name));
        Assert.All(consumerThreads.Values, thread => Assert.StartsWith("threaded-consumer-", thread.Name));
        Assert.All(producerThreads.Values.Concat(consumerThreads.Values), thread => Assert.True(thread.IsBackground, $"{thread.Name} is a foreground thread."));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task RunAsync_WithoutSpinning_DeliversExactlyOnce(int capacity)
    {
        // Spin count 0 sends every blocked put and take through Monitor.Wait, a path the default spin mostly skips.
        const int items = 20_000;
        var settings = PipelineSettings.Create(capacity, producers: 3, consumers: 2);
        var sink = new LedgerSink();

        var run = await new ThreadedEngine(spinCount: 0).RunAsync(settings, new GeneratedIntegerSource(items), sink).WaitAsync(RunTimeout);

        var check = sink.Ledger.Check(items);
        Assert.Equal(0, check.Lost);
        Assert.Equal(0, check.Duplicated);
        Assert.Equal(items, run.Consumed);
        Assert.InRange(run.MaxBufferDepth, 1, capacity);
    }

    [Fact]
    public async Task ThrowingSink_ReportsFailedConsumer()
    {
        var settings = PipelineSettings.Create(capacity: 2, producers: 2, consumers: 1);
        var sink = new CallbackSink<int>(new LedgerSink(), item =>
        {
            if (item == 100)
            {
                throw new InvalidOperationException("The test sink rejects item 100.");
            }
        });

        var error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => new ThreadedEngine().RunAsync(settings, new GeneratedIntegerSource(10_000), sink).WaitAsync(RunTimeout));

        Assert.Contains("consumer 0", error.Message);
        Assert.Contains("The test sink rejects item 100.", error.Message);
    }

    private static void Observe(ConcurrentDictionary<int, ThreadFacts> threads)
    {
        var current = Thread.CurrentThread;
        threads.TryAdd(current.ManagedThreadId, new ThreadFacts(current.Name, current.IsBackground));
    }

    private sealed record ThreadFacts(string? Name, bool IsBackground);
}
