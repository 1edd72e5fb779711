using SemiSegEcg.Signal;
using System.Buffers;

namespace SemiSegEcg.Transforms;

/// <summary>
/// numpy's linear percentile and median computed on one pooled, sorted copy of the signal: the strong augmentation
/// asks for two percentiles per call on every item, and <see cref="Signal.Percentile.Linear"/> copies and sorts once
/// per percentile. The interpolation is numpy's (the same arithmetic as <see cref="Signal.Percentile.Linear"/>).
/// </summary>
internal static class PooledOrderStatistics
{
    /// <summary>The <paramref name="lowQ"/>-th and <paramref name="highQ"/>-th percentiles (0–100) of <paramref name="x"/>.</summary>
    public static (double Low, double High) Percentiles(ReadOnlySpan<double> x, double lowQ, double highQ)
    {
        double[] rented = SortedCopy(x);
        try
        {
            ReadOnlySpan<double> sorted = rented.AsSpan(0, x.Length);
            return (Percentile.LinearFromSorted(sorted, lowQ), Percentile.LinearFromSorted(sorted, highQ));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>numpy <c>median</c>: the middle value, or the mean of the two middle values for an even count.</summary>
    public static double Median(ReadOnlySpan<double> x)
    {
        double[] rented = SortedCopy(x);
        try
        {
            int n = x.Length;
            return n % 2 == 1 ? rented[n / 2] : (rented[n / 2 - 1] + rented[n / 2]) / 2.0;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static double[] SortedCopy(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) throw new ArgumentException("order statistics of an empty signal", nameof(x));
        double[] rented = ArrayPool<double>.Shared.Rent(x.Length);
        Span<double> copy = rented.AsSpan(0, x.Length);
        x.CopyTo(copy);
        foreach (double v in copy)
        {
            if (double.IsNaN(v))
            {
                ArrayPool<double>.Shared.Return(rented);
                throw new ArgumentException("signal contains NaN", nameof(x));
            }
        }
        copy.Sort();
        return rented;
    }
}
