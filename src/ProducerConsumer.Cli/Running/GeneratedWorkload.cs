using System.Globalization;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Cli.Running;

/// <summary>The integers 0 to <c>items - 1</c>, generated afresh for each run.</summary>
internal sealed class GeneratedWorkload : IWorkload
{
    private readonly int _items;

    public GeneratedWorkload(int items)
    {
        _items = items;
    }

    public string Description => $"{_items.ToString("N0", CultureInfo.InvariantCulture)} generated integers";

    public long Items => _items;

    public Task<WorkloadRun> RunAsync(IPipelineEngine engine, PipelineSettings settings, TextWriter? output, CancellationToken cancellationToken)
    {
        var source = new GeneratedIntegerSource(_items);

        if (output is null)
        {
            var sink = new LedgerSink();
            return WorkloadRun.MeasureAsync(engine, settings, source, sink, sink.Ledger, () => source.Produced, _items, cancellationToken);
        }

        var writingSink = new WritingIntegerSink(output);
        return WorkloadRun.MeasureAsync(engine, settings, source, writingSink, writingSink.Ledger, () => source.Produced, _items, cancellationToken);
    }

    public void Dispose()
    {
    }
}
