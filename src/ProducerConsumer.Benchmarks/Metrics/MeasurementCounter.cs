using System.Diagnostics.Metrics;
using ProducerConsumer.Diagnostics;

namespace ProducerConsumer.Benchmarks.Metrics;

/// <summary>
/// A listener that turns on every instrument of the product's meter and keeps only the consumed count. It does
/// the least a listener can do, so a benchmark with it attached measures what the engines pay to record, not
/// what a particular listener does with the measurements.
/// </summary>
public sealed class MeasurementCounter : IDisposable
{
    private readonly MeterListener _listener = new();

    private long _consumed;

    public MeasurementCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);

        // Waits and latencies are received and dropped: the instrument's own cost is what is measured.
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        _listener.Start();
    }

    /// <summary>The items that the consumed counter reported so far.</summary>
    public long Consumed => Interlocked.Read(ref _consumed);

    public void Dispose() => _listener.Dispose();

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == PipelineMetrics.ItemsConsumedName)
        {
            Interlocked.Add(ref _consumed, value);
        }
    }
}
