namespace SemiSegEcg.Transforms;

/// <summary>
/// One lead travelling through the transforms: the signal (length T, float64) and, for labeled samples, its per-sample
/// class mask of the same length (0 background, 1 P, 2 QRS, 3 T, <see cref="Data.WaveLabels.Ignore"/>).
/// Transforms never write into a view's arrays: they return a new view, and a transform that does not change the
/// label passes the very same label array on.
/// </summary>
public sealed class EcgView
{
    public EcgView(double[] signal, byte[]? label = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Length == 0) throw new ArgumentException("an ECG view needs at least one sample", nameof(signal));
        if (label is not null && label.Length != signal.Length)
            throw new ArgumentException($"label has {label.Length} samples but the signal has {signal.Length}", nameof(label));
        Signal = signal;
        Label = label;
    }

    /// <summary>One lead, shape (T,).</summary>
    public double[] Signal { get; }

    /// <summary>Class mask, shape (T,), or null for an unlabeled sample.</summary>
    public byte[]? Label { get; }

    public int LengthSamples => Signal.Length;

    /// <summary>A view with a new signal of the same length and this view's label (the same array).</summary>
    public EcgView WithSignal(double[] signal) => new(signal, Label);
}
