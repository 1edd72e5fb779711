namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Cuts a fixed-length window out of a record: the part of the window past the record's end is zero signal and, in
/// the mask, background — or 255 (ignored) with <see cref="UnannotatedPolicy.Ignore"/>, since nothing was recorded there.
/// </summary>
public static class SampleWindow
{
    /// <summary><c>physical[start .. start + length)</c> × <paramref name="scale"/> as float32, zero-padded at the end.</summary>
    public static float[] Signal(ReadOnlySpan<double> physical, long start, int length, double scale = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        var signal = new float[length];
        long available = Math.Clamp(physical.Length - start, 0, length);
        for (int i = 0; i < available; i++) signal[i] = (float)(physical[(int)(start + i)] * scale);
        return signal;
    }

    /// <summary>
    /// The mask of the window: <paramref name="waves"/> (in record sample indices) painted over the recorded part,
    /// clipped to it; the padded part as described above.
    /// </summary>
    public static byte[] Mask(IReadOnlyList<WaveSpan> waves, long recordLength, long start, int length, MaskOptions mask)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        int recorded = (int)Math.Clamp(recordLength - start, 0, length);
        byte[] painted = MaskPainter.Paint(waves, recorded, mask, start);
        if (recorded == length) return painted;
        var label = new byte[length];
        painted.CopyTo(label, 0);
        if (mask.Unannotated == UnannotatedPolicy.Ignore) label.AsSpan(recorded).Fill(WaveLabels.Ignore);
        return label;
    }
}
