namespace SemiSegEcg.Naming;

/// <summary>"Did you mean …?" for mistyped names (config keys, transform names): the nearest candidate by edit distance.</summary>
public static class NameSuggestion
{
    /// <summary>The candidate nearest to <paramref name="name"/> (case-insensitive), if within <paramref name="tolerance"/> edits.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates, int tolerance)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= tolerance ? best : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
