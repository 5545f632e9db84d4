namespace ProducerConsumer.Cli.Metrics;

/// <summary>One reading of the buffer depth gauge.</summary>
/// <param name="ElapsedSeconds">Seconds since the collector started.</param>
/// <param name="Depth">Items the buffer held at that moment.</param>
internal readonly record struct DepthSample(double ElapsedSeconds, int Depth);
