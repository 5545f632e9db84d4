using System.Buffers;
using Akka.Actor;
using Akka.Event;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Actors;

/// <summary>
/// Reads items from the source only against credit from the buffer, so that a slow buffer slows the producer
/// instead of filling a mailbox. Sends <see cref="EndOfStream"/> once the source is exhausted, and stops when the
/// buffer accepts it.
/// </summary>
public sealed class ProducerActor<T> : ReceiveActor
{
    private readonly int _index;

    private readonly IActorRef _buffer;

    private readonly IItemSource<T> _source;

    private readonly WorkSimulator _work;

    private readonly int _maxBatch;

    private readonly PipelineCounters _counters;

    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>Items the buffer has reserved room for and this producer has not sent yet.</summary>
    private int _credit;

    private long _produced;

    /// <summary>Whether this producer sent its end of stream; credit still in transit then is ignored.</summary>
    private bool _ended;

    /// <summary>When this producer ran out of credit with items still to send; 0 while it has credit.</summary>
    private long _waitingSince;

    public ProducerActor(int index, IActorRef buffer, IItemSource<T> source, ItemWork work, int seed, int maxBatch, PipelineCounters counters)
    {
        _index = index;
        _buffer = buffer;
        _source = source;
        _work = new WorkSimulator(work, seed);
        _maxBatch = maxBatch;
        _counters = counters;

        // Delayed work waits without blocking a dispatcher thread. The mailbox is suspended meanwhile, so credit
        // that arrives during the wait is handled after the current batch is sent.
        if (_work.HasDelay)
        {
            ReceiveAsync<Credit>(HandleCreditAsync);
        }
        else
        {
            Receive<Credit>(HandleCredit);
        }

        Receive<EndOfStreamAccepted>(_ => Context.Stop(Self));
    }

    protected override void PreStart()
    {
        _waitingSince = System.Diagnostics.Stopwatch.GetTimestamp();
        _buffer.Tell(RegisterProducer.Instance);
    }

    protected override void PostStop() => _log.Debug("Producer {0} stopped [produced={1}]", _index, _produced);

    private void HandleCredit(Credit credit)
    {
        if (_ended)
        {
            return;
        }

        EndWait();
        _credit += credit.Count;
        while (_credit > 0)
        {
            if (ReadBatch() is not { } items)
            {
                return;
            }

            if (!_work.IsNone)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    _work.Perform();
                }
            }

            Send(items);
        }
    }

    private async Task HandleCreditAsync(Credit credit)
    {
        if (_ended)
        {
            return;
        }

        EndWait();
        _credit += credit.Count;
        while (_credit > 0)
        {
            if (ReadBatch() is not { } items)
            {
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                await _work.PerformAsync();
            }

            Send(items);
        }
    }

    /// <summary>
    /// Reads up to the credit and the batch size into an array rented from the shared pool, which the buffer returns
    /// after copying the items. Sends end of stream and returns null once the source is exhausted.
    /// </summary>
    private ArraySegment<T>? ReadBatch()
    {
        var size = Math.Min(_credit, _maxBatch);
        var items = ArrayPool<T>.Shared.Rent(size);
        var read = _source.Read(items.AsSpan(0, size));
        if (read == 0)
        {
            ArrayPool<T>.Shared.Return(items);

            // Unused credit goes back with the end of stream; the buffer reclaims it, including credit in transit.
            _credit = 0;
            _ended = true;
            _buffer.Tell(EndOfStream.Instance);
            return null;
        }

        return new ArraySegment<T>(items, 0, read);
    }

    private void Send(ArraySegment<T> items)
    {
        _credit -= items.Count;
        _produced += items.Count;
        _counters.AddProduced(_index, items.Count);
        _buffer.Tell(new Produce<T>(items, Pooled: true));

        if (_credit == 0)
        {
            _waitingSince = System.Diagnostics.Stopwatch.GetTimestamp();
        }
    }

    private void EndWait()
    {
        if (_waitingSince != 0)
        {
            _counters.RecordProducerWait(_index, _waitingSince);
            _waitingSince = 0;
        }
    }
}
