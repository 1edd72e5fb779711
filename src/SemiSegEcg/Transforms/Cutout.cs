using SemiSegEcg.Data;
using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Zeroes a random contiguous window of <c>int(U(0, mask_ratio)·T)</c> samples starting at
/// <c>randint(0, T − count)</c> and sets the label there to <see cref="LabelFillValue"/> (docs/reference/original-behaviour.md#unused-augmentations, unused).
/// The reference writes background (0) even over unknown regions, so that is the default.
/// </summary>
public sealed class Cutout : ISignalTransform
{
    public const string ClassName = "Cutout";

    public Cutout(double maskRatio = 0.3, byte labelFillValue = WaveLabels.Background)
    {
        MaskRatio = TransformGuard.Probability(ClassName, "mask_ratio", maskRatio);
        LabelFillValue = labelFillValue;
    }

    public double MaskRatio { get; }

    public byte LabelFillValue { get; }

    public bool ChangesLabel => true;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        (int count, int start) = RandomWindow.Draw(MaskRatio, view.LengthSamples, random);
        return ApplyWindow(view, count, start);
    }

    /// <summary>The op with its window draws fixed.</summary>
    public EcgView ApplyWindow(EcgView view, int count, int start)
    {
        RandomWindow.Validate(count, start, view.LengthSamples);
        double[] signal = (double[])view.Signal.Clone();
        signal.AsSpan(start, count).Clear();
        byte[]? label = null;
        if (view.Label is not null)
        {
            label = (byte[])view.Label.Clone();
            label.AsSpan(start, count).Fill(LabelFillValue);
        }
        return new EcgView(signal, label);
    }
}
