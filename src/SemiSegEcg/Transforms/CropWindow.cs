namespace SemiSegEcg.Transforms;

/// <summary>Cutting one window out of a view, signal and label alike.</summary>
internal static class CropWindow
{
    public static EcgView Cut(EcgView view, int start, int length)
    {
        if (start < 0 || length < 1 || start + length > view.LengthSamples)
            throw new ArgumentOutOfRangeException(nameof(start), $"window [{start}, {start}+{length}) does not fit a signal of {view.LengthSamples} samples");
        double[] signal = view.Signal.AsSpan(start, length).ToArray();
        byte[]? label = view.Label?.AsSpan(start, length).ToArray();
        return new EcgView(signal, label);
    }

    public static void RequireFits(string transform, int cropLength, int signalLength)
    {
        if (cropLength > signalLength)
            throw new ArgumentException($"{transform}: crop_length {cropLength} exceeds the signal length {signalLength}");
    }

    /// <summary>
    /// The single view of a multi-window crop; the single-lead pipeline carries one view per item, so several
    /// windows cannot pass through <see cref="ISignalTransform.Apply"/>.
    /// </summary>
    public static EcgView Single(string transform, IReadOnlyList<EcgView> windows)
    {
        if (windows.Count == 1) return windows[0];
        throw new NotSupportedException(
            $"{transform} produced {windows.Count} windows, but a transform pipeline carries one view per item; " +
            "call Windows(view) to get every window");
    }
}
