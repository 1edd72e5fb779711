using System.Buffers;
using SemiSegEcg.Data;
using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Transforms;

/// <summary>
/// The weak augmentation (docs/reference/original-behaviour.md#weak-augmentation-randomresizecrop, docs/reference/fixtures.md#deterministic-augmentation-outputs): a time-scale change by
/// <c>r ~ U(scale_min, scale_max)</c> followed by a random crop.
/// <list type="number">
/// <item><c>size = int(T·r)</c>; the signal is FFT-resized to <c>size</c> (scipy <c>resample</c>), the label by
/// nearest-neighbour on <c>linspace(0, T−1, size)</c> (ties take the left sample).</item>
/// <item>If <c>size &lt; target_length</c>: zero-pad <c>floor(pad/2)</c> on the left and the rest on the right; the
/// label is padded with <see cref="LabelPadValue"/> (background, as in the reference).</item>
/// <item><c>start = randint(0, len − target_length + 1)</c>; both are cut to <c>[start, start + target_length)</c>.</item>
/// </list>
/// </summary>
public sealed class RandomResizeCrop : ISignalTransform
{
    public const string ClassName = "RandomResizeCrop";

    public RandomResizeCrop(int targetLength = 2500, double scaleMin = 0.5, double scaleMax = 2.0, byte labelPadValue = WaveLabels.Background)
    {
        TargetLengthSamples = TransformGuard.AtLeast(ClassName, "target_length", targetLength, 1);
        ScaleMin = TransformGuard.Positive(ClassName, "scale_min", scaleMin);
        ScaleMax = TransformGuard.Positive(ClassName, "scale_max", scaleMax);
        if (scaleMin > scaleMax)
            throw new TransformArgumentException(ClassName, "scale_min", scaleMin, $"must not exceed scale_max ({scaleMax})");
        LabelPadValue = labelPadValue;
    }

    public int TargetLengthSamples { get; }

    public double ScaleMin { get; }

    public double ScaleMax { get; }

    public byte LabelPadValue { get; }

    public bool ChangesLabel => true;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        (int size, int start) = DrawResizeAndStart(view.LengthSamples, random);
        return ApplyWithDraws(view, size, start);
    }

    /// <summary>The two draws in the reference's order: the resized length, then the crop start.</summary>
    public (int Size, int Start) DrawResizeAndStart(int lengthSamples, SeededRandom random)
    {
        double ratio = random.Uniform(ScaleMin, ScaleMax);
        int size = (int)(lengthSamples * ratio);
        if (size < 1)
            throw new ArgumentException($"{ClassName}: a signal of {lengthSamples} samples scaled by {ratio} has no samples left");
        int start = random.NextInt(0, Math.Max(size, TargetLengthSamples) - TargetLengthSamples + 1);
        return (size, start);
    }

    /// <summary>
    /// The op with its draws fixed: resize to <paramref name="size"/> samples, pad to the target length if shorter,
    /// then cut <see cref="TargetLengthSamples"/> samples from <paramref name="start"/>.
    /// </summary>
    public EcgView ApplyWithDraws(EcgView view, int size, int start)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "resized length must be at least 1 sample");
        int target = TargetLengthSamples;
        int paddedLength = Math.Max(size, target);
        if (start < 0 || start > paddedLength - target)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"crop start must be in [0, {paddedLength - target}] for a resized length of {size}");

        byte[]? resizedLabel = view.Label is null ? null : LabelResampler.Nearest(view.Label, size);
        if (size == target) return new EcgView(FourierResampler.Resample(view.Signal, size), resizedLabel);

        // Offset of the resized content inside the padded sequence, then the window [start, start + target).
        int leftPad = size < target ? (target - size) / 2 : 0;
        int sourceStart = Math.Max(0, start - leftPad);
        int destinationStart = Math.Max(0, leftPad - start);
        int count = Math.Min(size - sourceStart, target - destinationStart);
        var signal = new double[target];
        double[] resized = ArrayPool<double>.Shared.Rent(size);
        try
        {
            FourierResampler.Resample(view.Signal, resized.AsSpan(0, size));
            resized.AsSpan(sourceStart, count).CopyTo(signal.AsSpan(destinationStart));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(resized);
        }
        if (resizedLabel is null) return new EcgView(signal);

        var label = new byte[target];
        if (LabelPadValue != 0) label.AsSpan().Fill(LabelPadValue);
        resizedLabel.AsSpan(sourceStart, count).CopyTo(label.AsSpan(destinationStart));
        return new EcgView(signal, label);
    }
}
