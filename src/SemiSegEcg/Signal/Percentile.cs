namespace SemiSegEcg.Signal;

/// <summary>numpy <c>percentile</c> / <c>quantile</c> with the default 'linear' method.</summary>
public static class Percentile
{
    /// <summary>
    /// The <paramref name="q"/>-th percentile (0 ≤ q ≤ 100): virtual index (n − 1)·q/100 into the sorted values,
    /// linearly interpolated with numpy's <c>_lerp</c> (which interpolates from the upper neighbour when the
    /// fraction is ≥ 0.5).
    /// </summary>
    /// <exception cref="ArgumentException">Empty input, q out of range, or NaN in the input.</exception>
    public static double Linear(ReadOnlySpan<double> x, double q)
    {
        if (x.Length == 0) throw new ArgumentException("percentile of an empty signal", nameof(x));
        if (!(q >= 0 && q <= 100)) throw new ArgumentOutOfRangeException(nameof(q), q, "percentile must be in [0, 100]");
        double[] sorted = x.ToArray();
        foreach (double v in sorted)
        {
            if (double.IsNaN(v)) throw new ArgumentException("signal contains NaN", nameof(x));
        }
        Array.Sort(sorted);
        return LinearFromSorted(sorted, q);
    }

    /// <summary>numpy's 'linear' method on already sorted data: virtual index (n − 1)·q/100, interpolated like numpy's <c>_lerp</c>.</summary>
    public static double LinearFromSorted(ReadOnlySpan<double> sorted, double q)
    {
        int n = sorted.Length;
        double virtualIndex = (n - 1) * (q / 100.0);
        if (virtualIndex >= n - 1) return sorted[n - 1];
        if (virtualIndex <= 0) return sorted[0];
        int below = (int)Math.Floor(virtualIndex);
        double gamma = virtualIndex - below;
        double lower = sorted[below];
        double upper = sorted[below + 1];
        double diff = upper - lower;
        return gamma >= 0.5 ? upper - diff * (1.0 - gamma) : lower + diff * gamma;
    }
}
