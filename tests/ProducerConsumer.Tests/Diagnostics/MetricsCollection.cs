namespace ProducerConsumer.Tests.Diagnostics;

/// <summary>
/// The tests that count an engine's measurements. Measurements carry the engine's name, not the run's, so a run of
/// the same engine in another test would add to the counts. xunit therefore runs this collection alone, after the
/// others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
