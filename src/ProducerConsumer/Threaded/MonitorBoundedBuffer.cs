using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ProducerConsumer.Threaded;

/// <summary>
/// A first-in first-out buffer of at most <see cref="Capacity"/> items that blocks producers while it is full and
/// consumers while it is empty. One lock guards a ring of slots, and blocked threads sleep in
/// <see cref="Monitor.Wait(object)"/> on that lock, so this is the plain-thread design with no other
/// synchronization primitive.
/// </summary>
/// <remarks>
/// Two choices keep the monitor cheap. A put or take pulses only when it ends the condition that a waiting thread
/// sleeps on (empty for consumers, full for producers) and a thread of that kind is waiting, because a pulse that
/// wakes no thread able to proceed still costs a lock round trip and a context switch. A blocked put or take
/// first spins for a bounded time on the count outside the lock, because the other side often makes room within
/// a few microseconds on another core, and waking a sleeping thread costs more than that. The bound adapts per
/// side (see <see cref="SpinBudget"/>): when sleeps turn out long, spinning only takes the core from the thread
/// that would end the wait, so the side stops spinning until a short sleep shows that spinning pays again.
/// <para>
/// The buffer is not fair. After a pulse, whichever thread gets the lock first proceeds, so a thread that spins can
/// overtake one that slept.
/// </para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MonitorBoundedBuffer<T>
{
    /// <summary>
    /// Spin iterations before a blocked put or take sleeps, on a machine with more than one processor. Each
    /// iteration re-reads the count and then spins for a fraction of a microsecond or yields, so the whole spin
    /// lasts roughly 25 µs when no other thread wants the core.
    /// </summary>
    /// <remarks>
    /// NOTE: chosen from throughput runs on one shared 2-core Linux machine (.NET 10), where 100 kept a
    /// capacity-1 hand-off near 2 million items per second against about 30 thousand without spinning. Other core
    /// counts or loads may favour another value.
    /// </remarks>
    public const int DefaultMultiprocessorSpinCount = 100;

    /// <summary>The argument to <see cref="Thread.SpinWait(int)"/> between two reads of the count while spinning.</summary>
    private const int SpinWaitPerCheck = 10;

    /// <summary>Spin iterations that never yield, which covers a hand-off to a thread running on another core.</summary>
    private const int SpinsBeforeYield = 30;

    /// <summary>After <see cref="SpinsBeforeYield"/>, every this many iterations yield the processor instead of spinning.</summary>
    private const int YieldInterval = 4;

    /// <summary>The ring of slots. The queued items are the <c>_count</c> slots from <c>_head</c>, wrapping at the end.</summary>
    private readonly T[] _slots;

    /// <summary>The monitor that guards every field below and that blocked threads wait on.</summary>
    private readonly object _lock = new();

    /// <summary>The most spin iterations before a blocked put or take sleeps, or 0 to sleep at once.</summary>
    private readonly int _spinCount;

    /// <summary>
    /// The spin iterations of the next blocked put, between 0 and <c>_spinCount</c>. Written under the lock after
    /// a sleep and outside it after a spin that won; a lost update only delays the adaptation by one wait.
    /// </summary>
    private int _putSpinBudget;

    /// <summary>The spin iterations of the next blocked take, kept like <c>_putSpinBudget</c>.</summary>
    private int _takeSpinBudget;

    /// <summary>
    /// When each queued item was accepted, parallel to <c>_slots</c>, as <see cref="Stopwatch"/> timestamps; null
    /// unless the constructor was asked to track acceptance.
    /// </summary>
    private readonly long[]? _acceptedAt;

    /// <summary>The slot of the oldest item.</summary>
    private int _head;

    /// <summary>The number of queued items, written only under the lock and read outside it only as a hint while spinning.</summary>
    private int _count;

    /// <summary>The largest <c>_count</c> seen after a put.</summary>
    private int _maxDepth;

    /// <summary>
    /// Producers inside <see cref="Monitor.Wait(object)"/> because the buffer was full, including those already
    /// pulsed that have not yet got the lock back.
    /// </summary>
    private int _waitingProducers;

    /// <summary>
    /// Consumers inside <see cref="Monitor.Wait(object)"/> because the buffer was empty, including those already
    /// pulsed that have not yet got the lock back.
    /// </summary>
    private int _waitingConsumers;

    /// <summary>The reason passed to <see cref="Fail"/>. Once it is set, every put and take throws.</summary>
    private Exception? _failure;

    /// <param name="capacity">The maximum number of items the buffer holds, at least 1.</param>
    /// <param name="spinCount">
    /// Spin iterations before a blocked put or take sleeps, 0 to sleep at once, or <c>null</c> for
    /// <see cref="DefaultSpinCount"/>.
    /// </param>
    /// <param name="trackAcceptance">
    /// Whether to record when each item was accepted, for <see cref="TakeMany(Span{T}, Span{long})"/>.
    /// </param>
    public MonitorBoundedBuffer(int capacity, int? spinCount = null, bool trackAcceptance = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (spinCount is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(spinCount.Value, nameof(spinCount));
        }

        _slots = new T[capacity];
        _acceptedAt = trackAcceptance ? new long[capacity] : null;
        _spinCount = spinCount ?? DefaultSpinCount;
        _putSpinBudget = _spinCount;
        _takeSpinBudget = _spinCount;
    }

    /// <summary>
    /// The spin count used when the constructor gets none: <see cref="DefaultMultiprocessorSpinCount"/>, or 0 on a
    /// single processor, where spinning only delays the thread that would make room.
    /// </summary>
    public static int DefaultSpinCount => Environment.ProcessorCount > 1 ? DefaultMultiprocessorSpinCount : 0;

    /// <summary>The maximum number of items the buffer holds.</summary>
    public int Capacity => _slots.Length;

    /// <summary>The number of items queued now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>The largest number of items the buffer has held at once.</summary>
    public int MaxDepth
    {
        get
        {
            lock (_lock)
            {
                return _maxDepth;
            }
        }
    }

    /// <summary>The number of items queued now, read without the lock: exact only while no put or take runs.</summary>
    public int CountHint => Volatile.Read(ref _count);

    /// <summary>Whether <see cref="Fail"/> was called.</summary>
    public bool IsFailed => Volatile.Read(ref _failure) is not null;

    /// <summary>The number of producers waiting on a full buffer, for tests that must know a put is blocked.</summary>
    internal int WaitingProducers
    {
        get
        {
            lock (_lock)
            {
                return _waitingProducers;
            }
        }
    }

    /// <summary>The number of consumers waiting on an empty buffer, for tests that must know a take is blocked.</summary>
    internal int WaitingConsumers
    {
        get
        {
            lock (_lock)
            {
                return _waitingConsumers;
            }
        }
    }

    /// <summary>Adds one item, blocking while the buffer is full.</summary>
    /// <exception cref="BufferFailedException">The buffer was failed before or while the put waited.</exception>
    public void Put(T item) => PutMany(new ReadOnlySpan<T>(in item));

    /// <summary>
    /// Adds every item in order, blocking while the buffer is full. Each lock acquisition adds as many items as
    /// there are free slots, so other producers' items may come between two parts of <paramref name="items"/>.
    /// </summary>
    /// <exception cref="BufferFailedException">
    /// The buffer was failed before or while the put waited. The items added before that stay queued.
    /// </exception>
    public void PutMany(ReadOnlySpan<T> items)
    {
        while (!items.IsEmpty)
        {
            SpinWhileCountIs(Capacity, ref _putSpinBudget);

            int added;
            lock (_lock)
            {
                AssertInvariants();
                var waitedTicks = WaitWhileFull();
                if (waitedTicks > 0)
                {
                    _putSpinBudget = SpinBudget.AfterWait(_putSpinBudget, _spinCount, waitedTicks);
                }

                var wasEmpty = _count == 0;
                added = Math.Min(items.Length, Capacity - _count);
                Enqueue(items[..added]);

                // Consumers sleep only while the buffer is empty, so only the put that ends emptiness must wake them.
                if (wasEmpty && _waitingConsumers > 0)
                {
                    Monitor.PulseAll(_lock);
                }
            }

            items = items[added..];
        }
    }

    /// <summary>Removes the oldest item, blocking while the buffer is empty.</summary>
    /// <exception cref="BufferFailedException">The buffer was failed before or while the take waited.</exception>
    public T Take()
    {
        T item = default!;
        TakeMany(new Span<T>(ref item));
        return item;
    }

    /// <summary>
    /// Removes the oldest items into <paramref name="destination"/>, blocking while the buffer is empty. It returns
    /// as soon as at least one item is available and does not wait to fill the destination.
    /// </summary>
    /// <returns>The number of items removed: at least 1 and at most <c>destination.Length</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty.</exception>
    /// <exception cref="BufferFailedException">The buffer was failed before or while the take waited.</exception>
    public int TakeMany(Span<T> destination) => TakeMany(destination, []);

    /// <summary>
    /// Removes the oldest items like <see cref="TakeMany(Span{T})"/> and, when the buffer tracks acceptance,
    /// writes the <see cref="Stopwatch"/> timestamp at which each one was put into <paramref name="acceptedAt"/>.
    /// </summary>
    /// <param name="destination">Receives the items; at least one slot long.</param>
    /// <param name="acceptedAt">Empty, or at least as long as <paramref name="destination"/>.</param>
    public int TakeMany(Span<T> destination, Span<long> acceptedAt)
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("The destination must have room for at least one item.", nameof(destination));
        }

        SpinWhileCountIs(0, ref _takeSpinBudget);

        lock (_lock)
        {
            AssertInvariants();
            var waitedTicks = WaitWhileEmpty();
            if (waitedTicks > 0)
            {
                _takeSpinBudget = SpinBudget.AfterWait(_takeSpinBudget, _spinCount, waitedTicks);
            }

            var wasFull = _count == Capacity;
            var removed = Math.Min(destination.Length, _count);
            if (_acceptedAt is not null && !acceptedAt.IsEmpty)
            {
                CopyAcceptance(acceptedAt[..removed]);
            }

            Dequeue(destination[..removed]);

            // Producers sleep only while the buffer is full, so only the take that ends fullness must wake them.
            if (wasFull && _waitingProducers > 0)
            {
                Monitor.PulseAll(_lock);
            }

            return removed;
        }
    }

    /// <summary>
    /// Fails the buffer: every blocked put and take wakes and throws <see cref="BufferFailedException"/>, and so
    /// does every later one. Only the first reason is kept, so later calls change nothing.
    /// </summary>
    public void Fail(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);

        lock (_lock)
        {
            if (_failure is not null)
            {
                return;
            }

            Volatile.Write(ref _failure, reason);

            // Every waiter must see the failure, whichever condition it sleeps on.
            if (_waitingProducers > 0 || _waitingConsumers > 0)
            {
                Monitor.PulseAll(_lock);
            }
        }
    }

    /// <summary>
    /// Spins while the count equals <paramref name="blockedCount"/>, for at most <paramref name="budget"/>
    /// iterations, and restores the full budget when the count changed during the spin. The count is read without
    /// the lock, so the result is only a hint, and the caller checks again under the lock.
    /// </summary>
    private void SpinWhileCountIs(int blockedCount, ref int budget)
    {
        var limit = budget;
        for (var i = 0; i < limit; i++)
        {
            if (Volatile.Read(ref _count) != blockedCount || Volatile.Read(ref _failure) is not null)
            {
                // A check that passes at once is no spin. Only a wait that ended during the spin shows that spinning pays.
                if (i > 0)
                {
                    budget = _spinCount;
                }

                return;
            }

            // Later iterations yield now and then, because when threads outnumber cores the thread that would end
            // the wait may be queued for this very core.
            if (i >= SpinsBeforeYield && i % YieldInterval == YieldInterval - 1)
            {
                Thread.Yield();
            }
            else
            {
                Thread.SpinWait(SpinWaitPerCheck);
            }
        }
    }

    /// <summary>Waits until a slot is free, and returns how long it slept in <see cref="Stopwatch"/> ticks, or 0 if it did not.</summary>
    private long WaitWhileFull()
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The caller must hold the buffer's lock.");

        // The loop re-checks after every wake-up, because another producer may have taken the freed slot first.
        long start = 0;
        while (true)
        {
            ThrowIfFailed();
            if (_count < Capacity)
            {
                return start == 0 ? 0 : Math.Max(1, Stopwatch.GetTimestamp() - start);
            }

            if (start == 0)
            {
                start = Stopwatch.GetTimestamp();
            }

            _waitingProducers++;
            try
            {
                Monitor.Wait(_lock);
            }
            finally
            {
                _waitingProducers--;
            }
        }
    }

    /// <summary>Waits until an item is queued, and returns how long it slept in <see cref="Stopwatch"/> ticks, or 0 if it did not.</summary>
    private long WaitWhileEmpty()
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The caller must hold the buffer's lock.");

        // The loop re-checks after every wake-up, because another consumer may have taken the new item first.
        long start = 0;
        while (true)
        {
            ThrowIfFailed();
            if (_count > 0)
            {
                return start == 0 ? 0 : Math.Max(1, Stopwatch.GetTimestamp() - start);
            }

            if (start == 0)
            {
                start = Stopwatch.GetTimestamp();
            }

            _waitingConsumers++;
            try
            {
                Monitor.Wait(_lock);
            }
            finally
            {
                _waitingConsumers--;
            }
        }
    }

    private void Enqueue(ReadOnlySpan<T> items)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The caller must hold the buffer's lock.");
        Debug.Assert(_count + items.Length <= Capacity, $"A put of {items.Length} items would exceed the capacity {Capacity} with {_count} queued.");

        var tail = (_head + _count) % Capacity;
        var firstPart = Math.Min(items.Length, Capacity - tail);
        items[..firstPart].CopyTo(_slots.AsSpan(tail));
        items[firstPart..].CopyTo(_slots);

        if (_acceptedAt is not null)
        {
            var now = Stopwatch.GetTimestamp();
            _acceptedAt.AsSpan(tail, firstPart).Fill(now);
            _acceptedAt.AsSpan(0, items.Length - firstPart).Fill(now);
        }

        _count += items.Length;
        if (_count > _maxDepth)
        {
            _maxDepth = _count;
        }
    }

    private void CopyAcceptance(Span<long> destination)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The caller must hold the buffer's lock.");

        var firstPart = Math.Min(destination.Length, Capacity - _head);
        _acceptedAt.AsSpan(_head, firstPart).CopyTo(destination);
        _acceptedAt.AsSpan(0, destination.Length - firstPart).CopyTo(destination[firstPart..]);
    }

    private void Dequeue(Span<T> destination)
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The caller must hold the buffer's lock.");
        Debug.Assert(destination.Length <= _count, $"A take of {destination.Length} items exceeds the {_count} queued.");

        var firstPart = Math.Min(destination.Length, Capacity - _head);
        var secondPart = destination.Length - firstPart;
        _slots.AsSpan(_head, firstPart).CopyTo(destination);
        _slots.AsSpan(0, secondPart).CopyTo(destination[firstPart..]);

        // Emptied slots must not keep items reachable for the garbage collector.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _slots.AsSpan(_head, firstPart).Clear();
            _slots.AsSpan(0, secondPart).Clear();
        }

        _head = (_head + destination.Length) % Capacity;
        _count -= destination.Length;
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new BufferFailedException(_failure);
        }
    }

    private void AssertInvariants()
    {
        Debug.Assert(Monitor.IsEntered(_lock), "The caller must hold the buffer's lock.");
        Debug.Assert(_count >= 0 && _count <= Capacity, $"The count {_count} must be between 0 and the capacity {Capacity}.");
        Debug.Assert(_head >= 0 && _head < Capacity, $"The head {_head} must be a slot index below the capacity {Capacity}.");
        Debug.Assert(_maxDepth <= Capacity, $"The max depth {_maxDepth} must not exceed the capacity {Capacity}.");
        Debug.Assert(_waitingProducers >= 0 && _waitingConsumers >= 0, "Waiting counts must not be negative.");
    }
}
