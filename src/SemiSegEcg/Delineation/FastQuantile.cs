using System.Buffers;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Quantiles by selection (expected O(n)) instead of a full sort: the post-processing takes a median per lead and
/// must stay within a few ms for 12 leads. Linear interpolation between the two order statistics around
/// (n − 1)·q, as numpy's default method (not bit-identical to <see cref="Signal.Percentile"/>, which nothing here needs).
/// </summary>
internal static class FastQuantile
{
    /// <param name="q">Quantile in [0, 1].</param>
    public static double Of(ReadOnlySpan<double> values, double q)
    {
        if (values.Length == 0) throw new ArgumentException("quantile of an empty signal", nameof(values));
        double position = (values.Length - 1) * Math.Clamp(q, 0, 1);
        int below = (int)Math.Floor(position);
        double fraction = position - below;
        double[] rented = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var work = rented.AsSpan(0, values.Length);
            values.CopyTo(work);
            double lower = Select(work, below);
            if (fraction == 0) return lower;
            // After selecting k, everything right of k is ≥ it: the next order statistic is their minimum.
            double upper = double.PositiveInfinity;
            foreach (double v in work[(below + 1)..]) upper = Math.Min(upper, v);
            return lower + (upper - lower) * fraction;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Rearranges <paramref name="x"/> so x[k] is the k-th smallest with nothing larger left of it and nothing smaller
    /// right of it. Three-way partitions, so runs of equal values (a flat lead) cost no more than distinct ones.
    /// </summary>
    private static double Select(Span<double> x, int k)
    {
        int left = 0, right = x.Length - 1;
        while (right > left)
        {
            double a = x[left], b = x[left + (right - left) / 2], c = x[right];
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int lt = left, i = left, gt = right;
            while (i <= gt)
            {
                if (x[i] < pivot)
                {
                    (x[lt], x[i]) = (x[i], x[lt]);
                    lt++;
                    i++;
                }
                else if (x[i] > pivot)
                {
                    (x[i], x[gt]) = (x[gt], x[i]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }
            if (k < lt) right = lt - 1;
            else if (k > gt) left = gt + 1;
            else return pivot;
        }
        return x[k];
    }
}
