using System.Globalization;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Cli.Running;

/// <summary>The lines of an input file, read afresh from the file for each run.</summary>
internal sealed class LineWorkload : IWorkload
{
    private readonly LineInput _input;

    /// <param name="input">The input, which this workload owns and disposes.</param>
    public LineWorkload(LineInput input)
    {
        _input = input;
    }

    public string Description => $"{_input.LineCount.ToString("N0", CultureInfo.InvariantCulture)} lines from {_input.DisplayName}";

    public long Items => _input.LineCount;

    public async Task<WorkloadRun> RunAsync(IPipelineEngine engine, PipelineSettings settings, TextWriter? output, CancellationToken cancellationToken)
    {
        using var reader = _input.OpenReader();
        var source = new LineSource(reader);
        var sink = new LineSink(output);

        return await WorkloadRun.MeasureAsync(engine, settings, source, sink, sink.Ledger, () => source.Produced, _input.LineCount, cancellationToken);
    }

    public void Dispose() => _input.Dispose();
}
