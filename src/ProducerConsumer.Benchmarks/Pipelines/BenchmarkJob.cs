using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using Perfolizer.Horology;
using ProducerConsumer.Benchmarks.Metrics;
using ProducerConsumer.Benchmarks.Running;

namespace ProducerConsumer.Benchmarks.Pipelines;

/// <summary>
/// A named choice of benchmark class and iteration counts: <c>short</c> for a check within a few minutes on two
/// cores, <c>full</c> for the records, and <c>metrics</c> for what recording the product's metrics costs.
/// </summary>
/// <param name="Name">The name given after <c>--job</c>.</param>
/// <param name="BenchmarkType">The benchmark class, which fixes the items per invocation.</param>
/// <param name="WarmupCount">Warm-up iterations per benchmark.</param>
/// <param name="IterationCount">Measured iterations per benchmark.</param>
/// <param name="IterationTime">The time BenchmarkDotNet aims for per iteration; an invocation longer than this runs once per iteration.</param>
/// <param name="RatioColumn">Items per second relative to the baseline of each case.</param>
public sealed record BenchmarkJob(
    string Name, Type BenchmarkType, int WarmupCount, int IterationCount, TimeInterval IterationTime, ThroughputRatioColumn RatioColumn)
{
    public static BenchmarkJob Short { get; } =
        new("short", typeof(ShortPipelineBenchmarks), WarmupCount: 1, IterationCount: 3, TimeInterval.FromMilliseconds(250), ThroughputRatioColumn.VersusChannels);

    public static BenchmarkJob Full { get; } =
        new("full", typeof(FullPipelineBenchmarks), WarmupCount: 3, IterationCount: 10, TimeInterval.FromMilliseconds(500), ThroughputRatioColumn.VersusChannels);

    /// <summary>More iterations than the short job, because each listened row is read against its unlistened row.</summary>
    public static BenchmarkJob Metrics { get; } =
        new("metrics", typeof(MetricsOverheadBenchmarks), WarmupCount: 2, IterationCount: 10, TimeInterval.FromMilliseconds(250), new ThroughputRatioColumn("not listened"));

    /// <summary>Returns the job named <paramref name="name"/>, ignoring case.</summary>
    /// <exception cref="UsageException">No job has that name.</exception>
    public static BenchmarkJob Parse(string name) => name.ToLowerInvariant() switch
    {
        "short" => Short,
        "full" => Full,
        "metrics" => Metrics,
        _ => throw new UsageException($"Invalid --job value '{name}': expected 'short', 'full' or 'metrics'."),
    };

    /// <summary>
    /// Builds the BenchmarkDotNet configuration: this job, allocations per item, items per second, and each
    /// category's and case's rows together so that the ratio column compares with the baseline of the same case.
    /// </summary>
    /// <param name="artifactsPath">The folder for BenchmarkDotNet's logs and exported tables.</param>
    /// <param name="failureLogPath">The file that benchmark processes append failed runs to.</param>
    public IConfig ToConfig(string artifactsPath, string failureLogPath)
    {
        // One invocation moves many thousand items, so unrolling invocations only lengthens each iteration.
        var job = Job.Default
            .WithId(Name)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithIterationTime(IterationTime)
            .WithUnrollFactor(1)
            .WithEnvironmentVariable(FailureLog.PathVariable, failureLogPath);

        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.OperationsPerSecond, RatioColumn, AllocatedPerItemColumn.Instance)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            .WithArtifactsPath(artifactsPath);
    }
}
