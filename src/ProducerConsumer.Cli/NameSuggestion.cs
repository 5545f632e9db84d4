namespace ProducerConsumer.Cli;

/// <summary>Finds the known name closest to a mistyped one, for "did you mean" hints in error messages.</summary>
internal static class NameSuggestion
{
    /// <summary>The largest edit distance still offered as a suggestion: catches a dropped, added or swapped letter.</summary>
    private const int MaxDistance = 2;

    /// <summary>Returns <c> (did you mean 'NAME'?)</c> for the closest candidate, or an empty string when none is close.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (Candidate: candidate, Distance: EditDistance(typed, candidate)))
            .Where(match => match.Distance <= MaxDistance && match.Distance <= match.Candidate.Length / 2)
            .OrderBy(match => match.Distance)
            .FirstOrDefault();

        return best.Candidate is null ? "" : $" (did you mean '{best.Candidate}'?)";
    }

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions or substitutions.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
