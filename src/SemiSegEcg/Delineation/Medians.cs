namespace SemiSegEcg.Delineation;

/// <summary>numpy-style median: the middle value, or the mean of the two middle values for an even count.</summary>
internal static class Medians
{
    public static double? Of(IEnumerable<double?> values)
    {
        double[] sorted = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).Order().ToArray();
        int n = sorted.Length;
        if (n == 0) return null;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
