using Akka.Actor;
using Akka.Event;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Actors;

/// <summary>
/// Demands items from the buffer, finishes each delivery in order, then acknowledges it with a new demand for as
/// many items as it just finished. Stops on <see cref="EndOfStream"/>, which the buffer sends only after this
/// consumer acknowledged its last delivery.
/// </summary>
public sealed class ConsumerActor<T> : ReceiveActor
{
    private readonly int _index;

    private readonly IActorRef _buffer;

    private readonly IItemSink<T> _sink;

    private readonly WorkSimulator _work;

    /// <summary>The demand this consumer keeps open: how many items it may hold at once.</summary>
    private readonly int _window;

    private readonly PipelineCounters _counters;

    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>The choice of finished items whose latency is recorded. It is a mutable struct, so it is never copied.</summary>
    private LatencySampler _latencySample;

    /// <summary>Items demanded and not yet received.</summary>
    private int _outstandingDemand;

    private long _consumed;

    /// <summary>When this consumer finished its last item with nothing left to work on; 0 while it has items.</summary>
    private long _idleSince;

    public ConsumerActor(
        int index, IActorRef buffer, IItemSink<T> sink, ItemWork work, int seed, int window, PipelineCounters counters, int latencySampleEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);

        _index = index;
        _buffer = buffer;
        _sink = sink;
        _work = new WorkSimulator(work, seed);
        _window = window;
        _counters = counters;
        _latencySample = new LatencySampler(latencySampleEvery);

        if (_work.HasDelay)
        {
            ReceiveAsync<Delivery<T>>(HandleDeliveryAsync);
        }
        else
        {
            Receive<Delivery<T>>(HandleDelivery);
        }

        Receive<EndOfStream>(_ => Context.Stop(Self));
    }

    protected override void PreStart()
    {
        _idleSince = System.Diagnostics.Stopwatch.GetTimestamp();
        _outstandingDemand = _window;
        _buffer.Tell(new Demand(_window));
    }

    protected override void PostStop() => _log.Debug("Consumer {0} stopped [consumed={1}]", _index, _consumed);

    private void HandleDelivery(Delivery<T> delivery)
    {
        Accept(delivery);

        var items = delivery.Items.AsSpan();
        var sampleAt = FirstSampleOf(delivery);
        for (var i = 0; i < items.Length; i++)
        {
            if (!_work.IsNone)
            {
                _work.Perform();
            }

            _sink.Write(items[i]);
            if (i == sampleAt)
            {
                _counters.RecordLatency(delivery.AcceptedTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
                sampleAt += _latencySample.Every;
            }
        }

        Acknowledge(delivery);
    }

    private async Task HandleDeliveryAsync(Delivery<T> delivery)
    {
        Accept(delivery);

        var items = delivery.Items;
        var sampleAt = FirstSampleOf(delivery);
        for (var i = 0; i < items.Count; i++)
        {
            await _work.PerformAsync();
            _sink.Write(items[i]);
            if (i == sampleAt)
            {
                _counters.RecordLatency(delivery.AcceptedTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
                sampleAt += _latencySample.Every;
            }
        }

        Acknowledge(delivery);
    }

    private void Accept(Delivery<T> delivery)
    {
        if (delivery.Items.Count == 0 || delivery.Items.Count > _outstandingDemand)
        {
            throw new ProtocolViolationException(
                $"Consumer {_index} rejected {delivery} with outstanding demand {_outstandingDemand}; a delivery carries 1 to {_outstandingDemand} items");
        }

        _outstandingDemand -= delivery.Items.Count;

        if (_idleSince != 0)
        {
            _counters.RecordConsumerWait(_index, _idleSince);
            _idleSince = 0;
        }
    }

    /// <summary>Returns the position of the delivery's first item whose latency is recorded, or -1 when latency is not measured.</summary>
    private int FirstSampleOf(Delivery<T> delivery) =>
        delivery.AcceptedTimestamp != 0 && PipelineCounters.LatencyEnabled ? _latencySample.NextOffset : -1;

    /// <summary>Acknowledges a finished delivery and demands as many items as it carried, keeping the window open.</summary>
    private void Acknowledge(Delivery<T> delivery)
    {
        var finished = delivery.Items.Count;
        _latencySample.Advance(finished);
        _consumed += finished;
        _counters.AddConsumed(_index, finished);

        _outstandingDemand += finished;
        _buffer.Tell(new Ack(delivery.Id, finished));

        // NOTE: a delivery already waiting in the mailbox ends this wait at once, so short gaps are recorded too.
        _idleSince = System.Diagnostics.Stopwatch.GetTimestamp();
    }
}
