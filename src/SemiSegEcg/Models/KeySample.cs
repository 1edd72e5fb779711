namespace SemiSegEcg.Models;

/// <summary>The first few of a list of state-dict keys for a one-line message, with how many more there are.</summary>
public static class KeySample
{
    /// <returns><c>a, b, c, … (n more)</c>, or all of them when there are no more than <paramref name="shown"/>.</returns>
    public static string Of(IReadOnlyList<string> keys, int shown)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return string.Join(", ", keys.Take(shown)) + (keys.Count > shown ? $", … ({keys.Count - shown} more)" : "");
    }
}
