namespace SemiSegEcg.Signal;

/// <summary>
/// z-scoring of one signal (docs/reference/original-behaviour.md#preprocessing-transforms <c>Standardize</c>): subtract the mean, divide by the population
/// standard deviation (ddof 0), with numpy's summation order; a constant signal becomes all zeros.
/// </summary>
/// <remarks>
/// A constant signal is detected by its values, not by std == 0: numpy's mean of e.g. 2500 × 0.1 is off by one ulp,
/// so its std is ~1e-17 instead of 0 and numpy would return all ±1. Zeros are the intended output there.
/// </remarks>
public static class Standardizer
{
    /// <summary>z-scores <paramref name="source"/> in float64 and writes the float32 rounding (the loader's final transform).</summary>
    public static void StandardizeInto(ReadOnlySpan<double> source, Span<float> destination)
    {
        if (source.Length != destination.Length)
            throw new ArgumentException($"destination has {destination.Length} samples, the signal {source.Length}", nameof(destination));
        double[] work = System.Buffers.ArrayPool<double>.Shared.Rent(source.Length);
        try
        {
            var span = work.AsSpan(0, source.Length);
            source.CopyTo(span);
            Standardize(span);
            for (int i = 0; i < span.Length; i++) destination[i] = (float)span[i];
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(work);
        }
    }

    /// <summary>Standardizes <paramref name="x"/> in place.</summary>
    /// <exception cref="ArgumentException">The signal is empty or contains NaN or an infinity.</exception>
    public static void Standardize(Span<double> x)
    {
        if (x.Length == 0) throw new ArgumentException("cannot standardize an empty signal", nameof(x));
        bool constant = true;
        foreach (double v in x)
        {
            if (double.IsNaN(v)) throw new ArgumentException("signal contains NaN", nameof(x));
            if (double.IsInfinity(v)) throw new ArgumentException("signal contains an infinite value", nameof(x));
            constant &= v == x[0];
        }
        if (constant)
        {
            x.Clear();
            return;
        }

        double mean = NumpySum.Pairwise(x) / x.Length;
        double[] squares = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            squares[i] = d * d;
        }
        double std = Math.Sqrt(NumpySum.Pairwise(squares) / x.Length);
        if (std == 0.0)
        {
            x.Clear();
            return;
        }
        for (int i = 0; i < x.Length; i++) x[i] = (x[i] - mean) / std;
    }
}
