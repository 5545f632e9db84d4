namespace ProducerConsumer.Cli.Metrics;

/// <summary>How evenly items were spread over the producers or over the consumers of a run.</summary>
/// <param name="JainIndex">
/// Jain's fairness index, (Σx)² / (n·Σx²) over the workers' item counts x: 1 when every worker moved the same
/// number of items, 1/n when one worker moved them all.
/// </param>
/// <param name="MinShare">The smallest worker's share of all items, from 0 to 1.</param>
/// <param name="MaxShare">The largest worker's share of all items, from 0 to 1.</param>
/// <param name="Counts">The items each worker moved, by index.</param>
internal sealed record Fairness(double JainIndex, double MinShare, double MaxShare, IReadOnlyList<long> Counts)
{
    /// <summary>The share that each worker would have if the items were spread evenly.</summary>
    public double EvenShare => 1.0 / Counts.Count;

    /// <summary>Computes the fairness of the counts, or returns <c>null</c> when there are no workers or no items.</summary>
    public static Fairness? Of(IReadOnlyList<long> counts)
    {
        if (counts.Count == 0)
        {
            return null;
        }

        // Doubles, because the square of a count above about three billion overflows a long.
        double sum = 0;
        double sumOfSquares = 0;
        foreach (var count in counts)
        {
            sum += count;
            sumOfSquares += (double)count * count;
        }

        if (sum == 0)
        {
            return null;
        }

        return new Fairness(
            sum * sum / (counts.Count * sumOfSquares),
            counts.Min() / sum,
            counts.Max() / sum,
            counts);
    }
}
