namespace SemiSegEcg.Signal;

/// <summary>
/// Resampling of per-sample class labels with scipy <c>interp1d</c> semantics on the grid <c>x = 0..T−1</c>,
/// evaluated at <c>numpy.linspace(0, T−1, targetLength)</c> (docs/reference/original-behaviour.md#loading-a-sample step 3, docs/reference/original-behaviour.md#preprocessing-transforms).
/// </summary>
public static class LabelResampler
{
    /// <summary>
    /// interp1d(kind='zero'): output k = labels[floor(pos_k)], where pos_k is the linspace position; the last output
    /// is labels[T−1] (degree-0 spline convention at the right end).
    /// </summary>
    public static long[] ZeroOrderHold(ReadOnlySpan<long> labels, int targetLength) => Gather(labels, targetLength, ZeroOrderHoldIndex);

    /// <inheritdoc cref="ZeroOrderHold(ReadOnlySpan{long}, int)"/>
    public static byte[] ZeroOrderHold(ReadOnlySpan<byte> labels, int targetLength) => Gather(labels, targetLength, ZeroOrderHoldIndex);

    /// <summary>
    /// interp1d(kind='nearest', fill_value='extrapolate'): output k = labels[ceil(pos_k − 0.5)]; a position exactly
    /// half-way between two samples takes the left one.
    /// </summary>
    public static long[] Nearest(ReadOnlySpan<long> labels, int targetLength) => Gather(labels, targetLength, NearestIndex);

    /// <inheritdoc cref="Nearest(ReadOnlySpan{long}, int)"/>
    public static byte[] Nearest(ReadOnlySpan<byte> labels, int targetLength) => Gather(labels, targetLength, NearestIndex);

    private static T[] Gather<T>(ReadOnlySpan<T> labels, int targetLength, Func<double, int, int> sourceIndex)
    {
        if (labels.Length < 1) throw new ArgumentException("cannot resample an empty label sequence", nameof(labels));
        if (targetLength < 1) throw new ArgumentOutOfRangeException(nameof(targetLength), targetLength, "target length must be at least 1 sample");
        int sourceLength = labels.Length;
        var result = new T[targetLength];
        for (int k = 0; k < targetLength; k++)
        {
            double position = NumpyLinspace.At(k, 0.0, sourceLength - 1, targetLength);
            result[k] = labels[sourceIndex(position, sourceLength)];
        }
        return result;
    }

    /// <summary>Interval i with knot[i] ≤ pos &lt; knot[i+1] on integer knots; the right end maps to the last sample.</summary>
    private static int ZeroOrderHoldIndex(double position, int sourceLength)
    {
        int index = (int)Math.Floor(position);
        return Math.Clamp(index, 0, sourceLength - 1);
    }

    /// <summary>
    /// numpy <c>searchsorted(midpoints, pos, side='left')</c> with midpoints x[i]/2 + x[i+1]/2 = i + 0.5 (exact for
    /// integer grids): the number of midpoints strictly below pos, clipped to the valid range.
    /// </summary>
    private static int NearestIndex(double position, int sourceLength)
    {
        int index = Math.Clamp((int)Math.Ceiling(position - 0.5), 0, sourceLength - 1);
        while (index > 0 && index - 1 + 0.5 >= position) index--;
        while (index < sourceLength - 1 && index + 0.5 < position) index++;
        return index;
    }
}
