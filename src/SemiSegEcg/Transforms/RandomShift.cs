using SemiSegEcg.Data;
using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// "shift" (docs/reference/original-behaviour.md#unused-augmentations, unused): moves signal and label right (+1) or left (−1), equiprobably, by
/// <c>int(U(0, mask_ratio)·T)</c> samples; the vacated samples become 0 in the signal and
/// <see cref="LabelFillValue"/> (background by default, as in the reference) in the label.
/// </summary>
public sealed class RandomShift : ISignalTransform
{
    public const string ClassName = "RandomShift";

    public RandomShift(double maskRatio = 0.3, byte labelFillValue = WaveLabels.Background)
    {
        MaskRatio = TransformGuard.Probability(ClassName, "mask_ratio", maskRatio);
        LabelFillValue = labelFillValue;
    }

    public double MaskRatio { get; }

    public byte LabelFillValue { get; }

    public bool ChangesLabel => true;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        int direction = random.NextDouble() < 0.5 ? -1 : 1;
        int amount = (int)(random.Uniform(0.0, MaskRatio) * view.LengthSamples);
        return ApplyShift(view, direction * amount);
    }

    /// <summary>The op with its draws fixed: positive <paramref name="offsetSamples"/> moves the content later in time.</summary>
    public EcgView ApplyShift(EcgView view, int offsetSamples)
    {
        int length = view.LengthSamples;
        if (Math.Abs((long)offsetSamples) > length)
            throw new ArgumentOutOfRangeException(nameof(offsetSamples), offsetSamples, $"shift exceeds the signal length {length}");
        var signal = new double[length];
        Shift<double>(view.Signal, signal, offsetSamples, 0.0);
        byte[]? label = null;
        if (view.Label is not null)
        {
            label = new byte[length];
            Shift<byte>(view.Label, label, offsetSamples, LabelFillValue);
        }
        return new EcgView(signal, label);
    }

    private static void Shift<T>(ReadOnlySpan<T> source, Span<T> destination, int offset, T fill)
    {
        int length = source.Length;
        destination.Fill(fill);
        if (offset >= 0) source[..(length - offset)].CopyTo(destination[offset..]);
        else source[(-offset)..].CopyTo(destination);
    }
}
