using System.Runtime.CompilerServices;
using ProducerConsumer.Threaded;

namespace ProducerConsumer.Tests.Threaded;

public sealed class MonitorBoundedBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_RejectsCapacityBelowOne(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonitorBoundedBuffer<int>(capacity));
    }

    [Fact]
    public void Constructor_RejectsNegativeSpinCount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonitorBoundedBuffer<int>(1, spinCount: -1));
    }

    [Fact]
    public void Take_ReturnsItemsInPutOrderAcrossWrap()
    {
        var buffer = new MonitorBoundedBuffer<int>(4);

        // Three puts, two takes and three more puts move the tail past the end of the ring.
        buffer.Put(1);
        buffer.Put(2);
        buffer.Put(3);
        Assert.Equal(1, buffer.Take());
        Assert.Equal(2, buffer.Take());
        buffer.PutMany([4, 5, 6]);

        Assert.Equal(4, buffer.Count);
        Assert.Equal(3, buffer.Take());
        Assert.Equal(4, buffer.Take());
        Assert.Equal(5, buffer.Take());
        Assert.Equal(6, buffer.Take());
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void TakeMany_DoesNotWaitToFill()
    {
        var buffer = new MonitorBoundedBuffer<int>(8);
        buffer.PutMany([7, 8, 9]);
        var destination = new int[8];

        var takenCount = buffer.TakeMany(destination);

        Assert.Equal(3, takenCount);
        Assert.Equal([7, 8, 9], destination[..takenCount]);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void TakeMany_ReadsAcrossWrap()
    {
        var buffer = new MonitorBoundedBuffer<int>(3);
        buffer.PutMany([1, 2]);
        Assert.Equal(1, buffer.Take());
        buffer.PutMany([3, 4]);
        var destination = new int[3];

        var takenCount = buffer.TakeMany(destination);

        Assert.Equal(3, takenCount);
        Assert.Equal([2, 3, 4], destination);
    }

    [Fact]
    public void TakeMany_RejectsEmptyDestination()
    {
        var buffer = new MonitorBoundedBuffer<int>(1);

        Assert.Throws<ArgumentException>(() => buffer.TakeMany(Span<int>.Empty));
    }

    [Fact]
    public void MaxDepth_RecordsLargestCount()
    {
        var buffer = new MonitorBoundedBuffer<int>(5);

        buffer.PutMany([1, 2, 3]);
        buffer.TakeMany(new int[3]);
        buffer.Put(4);

        Assert.Equal(3, buffer.MaxDepth);
    }

    [Fact]
    public async Task Put_BlocksWhileFullUntilTake()
    {
        var buffer = new MonitorBoundedBuffer<int>(1);
        buffer.Put(1);

        var put = TestThreads.Start("blocked-put", () => buffer.Put(2));
        TestThreads.WaitUntil(() => buffer.WaitingProducers == 1, "the second put sleeps on the full buffer");
        Assert.False(put.IsCompleted, "The put into a full buffer returned before any take.");

        Assert.Equal(1, buffer.Take());
        await put.WaitAsync(TestThreads.Timeout);

        Assert.Equal(2, buffer.Take());
    }

    [Fact]
    public async Task Take_BlocksWhileEmptyUntilPut()
    {
        var buffer = new MonitorBoundedBuffer<int>(1);

        var take = TestThreads.Start("blocked-take", buffer.Take);
        TestThreads.WaitUntil(() => buffer.WaitingConsumers == 1, "the take sleeps on the empty buffer");
        Assert.False(take.IsCompleted, "The take from an empty buffer returned before any put.");

        buffer.Put(42);

        Assert.Equal(42, await take.WaitAsync(TestThreads.Timeout));
    }

    [Fact]
    public async Task Put_WokenWithoutRoom_SleepsAgain()
    {
        // One take wakes both sleeping puts, but only one slot is free, so the put that comes second must sleep again.
        var buffer = new MonitorBoundedBuffer<int>(1, spinCount: 0);
        buffer.Put(0);
        var puts = new[] { TestThreads.Start("put-1", () => buffer.Put(1)), TestThreads.Start("put-2", () => buffer.Put(2)) };
        TestThreads.WaitUntil(() => buffer.WaitingProducers == 2, "both puts sleep on the full buffer");

        Assert.Equal(0, buffer.Take());
        TestThreads.WaitUntil(() => puts.Count(put => put.IsCompleted) == 1 && buffer.WaitingProducers == 1, "one put completes and the other sleeps again");
        Assert.Equal(1, buffer.Count);

        var first = buffer.Take();
        await Task.WhenAll(puts).WaitAsync(TestThreads.Timeout);
        var second = buffer.Take();
        Assert.Equal([1, 2], new[] { first, second }.Order());
    }

    [Fact]
    public async Task Take_WokenWithoutItem_SleepsAgain()
    {
        // One put wakes both sleeping takes, but there is only one item, so the take that comes second must sleep again.
        var buffer = new MonitorBoundedBuffer<string>(2, spinCount: 0);
        var takes = new[] { TestThreads.Start("take-1", buffer.Take), TestThreads.Start("take-2", buffer.Take) };
        TestThreads.WaitUntil(() => buffer.WaitingConsumers == 2, "both takes sleep on the empty buffer");

        buffer.Put("first");
        TestThreads.WaitUntil(() => takes.Count(take => take.IsCompleted) == 1 && buffer.WaitingConsumers == 1, "one take completes and the other sleeps again");

        buffer.Put("second");
        var taken = await Task.WhenAll(takes).WaitAsync(TestThreads.Timeout);
        Assert.Equal(["first", "second"], taken.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PutMany_AboveCapacity_WaitsForTakes()
    {
        var buffer = new MonitorBoundedBuffer<int>(3);
        var items = Enumerable.Range(0, 10).ToArray();

        var put = TestThreads.Start("large-put", () => buffer.PutMany(items));
        var taken = new List<int>();
        for (var i = 0; i < items.Length; i++)
        {
            taken.Add(buffer.Take());
        }

        await put.WaitAsync(TestThreads.Timeout);
        Assert.Equal(items, taken);
        Assert.Equal(3, buffer.MaxDepth);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public async Task ConcurrentUse_DeliversOnceWithinCapacity(int? spinCount)
    {
        // Capacity 2 with more threads than cores keeps the buffer full or empty most of the time, so most puts and
        // takes block. Spin count 0 sends every block through Monitor.Wait.
        const int capacity = 2;
        const int producers = 4;
        const int consumers = 3;
        const int itemsPerProducer = 5_000;
        const int endOfStream = -1;
        var buffer = new MonitorBoundedBuffer<int>(capacity, spinCount);
        var countsAboveCapacity = 0;

        var consumerTasks = Enumerable.Range(0, consumers)
            .Select(c => TestThreads.Start($"consumer-{c}", () =>
            {
                var received = new List<int>();
                while (true)
                {
                    var item = buffer.Take();
                    if (buffer.Count > capacity)
                    {
                        Interlocked.Increment(ref countsAboveCapacity);
                    }

                    if (item == endOfStream)
                    {
                        return received;
                    }

                    received.Add(item);
                }
            }))
            .ToArray();

        // Odd producers put in chunks larger than the capacity, so partial puts interleave with single puts.
        var producerTasks = Enumerable.Range(0, producers)
            .Select(p => TestThreads.Start($"producer-{p}", () =>
            {
                var items = Enumerable.Range(p * itemsPerProducer, itemsPerProducer).ToArray();
                if (p % 2 == 0)
                {
                    foreach (var item in items)
                    {
                        buffer.Put(item);
                    }
                }
                else
                {
                    foreach (var chunk in items.Chunk(capacity + 1))
                    {
                        buffer.PutMany(chunk);
                    }
                }
            }))
            .ToArray();

        await Task.WhenAll(producerTasks).WaitAsync(TestThreads.Timeout);
        for (var c = 0; c < consumers; c++)
        {
            buffer.Put(endOfStream);
        }

        var received = await Task.WhenAll(consumerTasks).WaitAsync(TestThreads.Timeout);
        Assert.Equal(0, buffer.Count);

        Assert.Equal(0, countsAboveCapacity);
        Assert.InRange(buffer.MaxDepth, 1, capacity);
        Assert.Equal(Enumerable.Range(0, producers * itemsPerProducer), received.SelectMany(items => items).Order());
    }

    [Fact]
    public async Task Fail_ReleasesBlockedPutsAndTakes()
    {
        var full = new MonitorBoundedBuffer<int>(1);
        full.Put(0);
        var empty = new MonitorBoundedBuffer<int>(1);
        var reason = new InvalidOperationException("test failure");

        var puts = Enumerable.Range(0, 2).Select(i => TestThreads.Start($"put-{i}", () => full.Put(1))).ToArray();
        var takes = Enumerable.Range(0, 2).Select(i => TestThreads.Start($"take-{i}", empty.Take)).ToArray();
        TestThreads.WaitUntil(() => full.WaitingProducers == 2, "both puts sleep on the full buffer");
        TestThreads.WaitUntil(() => empty.WaitingConsumers == 2, "both takes sleep on the empty buffer");

        full.Fail(reason);
        empty.Fail(reason);

        foreach (var blocked in puts.Concat<Task>(takes))
        {
            var error = await Assert.ThrowsAsync<BufferFailedException>(() => blocked.WaitAsync(TestThreads.Timeout));
            Assert.Same(reason, error.InnerException);
        }
    }

    [Fact]
    public void Fail_MakesLaterPutsAndTakesThrow()
    {
        var buffer = new MonitorBoundedBuffer<int>(4);
        buffer.Put(1);
        var reason = new InvalidOperationException("test failure");

        buffer.Fail(reason);

        Assert.True(buffer.IsFailed);
        Assert.Same(reason, Assert.Throws<BufferFailedException>(() => buffer.Put(2)).InnerException);
        Assert.Same(reason, Assert.Throws<BufferFailedException>(() => buffer.Take()).InnerException);
    }

    [Fact]
    public void Fail_KeepsFirstReason()
    {
        var buffer = new MonitorBoundedBuffer<int>(1);
        var first = new InvalidOperationException("first");

        buffer.Fail(first);
        buffer.Fail(new InvalidOperationException("second"));

        Assert.Same(first, Assert.Throws<BufferFailedException>(() => buffer.Take()).InnerException);
    }

    [Fact]
    public void Take_ReleasesReferenceToItem()
    {
        var buffer = new MonitorBoundedBuffer<object>(2);

        var item = PutAndTakeUnreferencedItem(buffer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(item.IsAlive, "The buffer still references an item that was taken.");
    }

    /// <summary>Keeps the item's only strong reference in this frame, so the test's frame cannot keep it alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference PutAndTakeUnreferencedItem(MonitorBoundedBuffer<object> buffer)
    {
        buffer.Put(new object());
        return new WeakReference(buffer.Take());
    }
}
