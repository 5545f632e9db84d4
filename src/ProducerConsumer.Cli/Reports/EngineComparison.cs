using System.Globalization;

namespace ProducerConsumer.Cli.Reports;

/// <summary>
/// Derives "what each engine does better" from the numbers of two engines' runs on the same settings: for each
/// measure with a clear winner, the winner, by how much, and both values.
/// </summary>
internal static class EngineComparison
{
    /// <summary>A relative difference below this counts as the same, because single runs vary by about that much.</summary>
    public const double SameWithin = 0.10;

    /// <summary>A difference in Jain's index below this counts as the same.</summary>
    private const double SameFairnessWithin = 0.02;

    /// <summary>One comparable measure.</summary>
    /// <param name="Name">The measure's name in the report.</param>
    /// <param name="Value">The measure of one engine, or <c>null</c> when it was not measured.</param>
    /// <param name="HigherIsBetter">Whether the larger value wins.</param>
    /// <param name="Format">Formats a value with its unit.</param>
    /// <param name="Negligible">An absolute difference too small to matter, whatever the ratio.</param>
    /// <param name="IsRatio">Whether the values compare as a ratio; Jain's index is bounded, so it compares by difference alone.</param>
    private sealed record Comparable(
        string Name, Func<EngineReport, double?> Value, bool HigherIsBetter, Func<double?, string> Format, double Negligible, bool IsRatio = true);

    private static readonly Comparable[] Measures =
    [
        new("throughput", report => report.ItemsPerSecond, true, value => $"{Units.Count((long)Math.Round(value ?? 0))} items/s", 0),
        new("latency p50", report => report.Latency?.P50Ms, false, Units.DurationMs, 0.001),
        new("latency p99", report => report.Latency?.P99Ms, false, Units.DurationMs, 0.001),
        new("producer wait total", report => report.ProducerWait?.TotalMs, false, Units.DurationMs, 1),
        new("producer wait p95", report => report.ProducerWait?.P95Ms, false, Units.DurationMs, 0.001),
        new("consumer wait total", report => report.ConsumerWait?.TotalMs, false, Units.DurationMs, 1),
        new("producer fairness (Jain)", report => report.ProducerFairness?.JainIndex, true, value => Units.Decimal(value, 3), SameFairnessWithin, IsRatio: false),
        new("consumer fairness (Jain)", report => report.ConsumerFairness?.JainIndex, true, value => Units.Decimal(value, 3), SameFairnessWithin, IsRatio: false),
        new("peak working set", report => report.PeakWorkingSetBytes, false, value => Units.Bytes((long?)value), 1024 * 1024),
        new("gen0 collections", report => report.GcCollections?.Gen0, false, value => Units.Decimal(value, 0), 2),
        new("gen2 collections", report => report.GcCollections?.Gen2, false, value => Units.Decimal(value, 0), 1),
    ];

    /// <summary>The findings of a comparison: per engine, the measures it does better; and the measures that came out the same.</summary>
    public sealed record Findings(IReadOnlyDictionary<string, IReadOnlyList<string>> Better, IReadOnlyList<string> Same, IReadOnlyList<string> Missing);

    /// <summary>Compares the first two completed engines, or returns <c>null</c> when fewer than two completed.</summary>
    public static Findings? Compare(IReadOnlyList<EngineReport> reports)
    {
        var completed = reports.Where(report => report.Completed).ToArray();
        if (completed.Length < 2)
        {
            return null;
        }

        var (first, second) = (completed[0], completed[1]);
        var better = new Dictionary<string, List<string>> { [first.Engine] = [], [second.Engine] = [] };
        var same = new List<string>();
        var missing = new List<string>();

        foreach (var measure in Measures)
        {
            if (measure.Value(first) is not { } a || measure.Value(second) is not { } b)
            {
                missing.Add(measure.Name);
                continue;
            }

            var difference = Math.Abs(a - b);
            var larger = Math.Max(Math.Abs(a), Math.Abs(b));
            var relative = larger == 0 ? 0 : difference / larger;
            if (difference <= measure.Negligible || (measure.IsRatio && relative < SameWithin))
            {
                same.Add(measure.Name);
                continue;
            }

            var firstWins = measure.HigherIsBetter ? a > b : a < b;
            var (winner, winnerValue, loserValue) = firstWins ? (first, a, b) : (second, b, a);
            better[winner.Engine].Add(Describe(measure, winnerValue, loserValue));
        }

        return new Findings(
            better.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value),
            same,
            missing);
    }

    /// <summary>Describes a win such as "throughput 2.41× higher (3,100,000 vs 1,290,000 items/s)".</summary>
    private static string Describe(Comparable measure, double winner, double loser)
    {
        var values = $"{measure.Format(winner)} vs {measure.Format(loser)}";
        if (!measure.IsRatio)
        {
            return $"{measure.Name} ({values})";
        }

        var ratio = measure.HigherIsBetter ? winner / loser : loser / winner;
        var direction = measure.HigherIsBetter ? "higher" : "lower";
        return double.IsFinite(ratio)
            ? $"{measure.Name} {ratio.ToString("0.##", CultureInfo.InvariantCulture)}× {direction} ({values})"
            : $"{measure.Name} {direction} ({values})";
    }
}
