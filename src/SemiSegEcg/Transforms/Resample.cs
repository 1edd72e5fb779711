using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Resamples a view to a new length (docs/reference/original-behaviour.md#preprocessing-transforms <c>Resample</c>): <c>target_length</c>, or
/// <c>int(T·target_fs/fs)</c> from a target and the native rate <c>fs</c>. The signal is resampled with
/// <see cref="Method"/> (FFT, or interpolation of <see cref="Kind"/> on <c>linspace(0, T−1, new_len)</c>); the label
/// with <see cref="LabelKind"/>, zero-order hold by default, which is how the reference loader resamples masks.
/// </summary>
/// <remarks>
/// The reference applies two separate Resample objects to waveform and mask; one view-level transform needs a mask
/// rule too, hence <c>label_kind</c>. The native rate is a constructor argument because a view carries no rate.
/// </remarks>
public sealed class Resample : ISignalTransform
{
    public const string ClassName = "Resample";

    public Resample(
        int? targetLength = null,
        double? targetFs = null,
        double? fs = null,
        ResampleMethod method = ResampleMethod.Fourier,
        InterpolationKind kind = InterpolationKind.Linear,
        InterpolationKind labelKind = InterpolationKind.Zero)
    {
        if (targetLength is not null && targetFs is not null)
            throw new TransformArgumentException(ClassName, "target_length", targetLength, $"conflicts with target_fs ({targetFs}): give exactly one of them");
        if (targetLength is null && targetFs is null)
            throw new TransformArgumentException(ClassName, "target_length", null, "is missing: give exactly one of target_length and target_fs");
        if (targetLength is int length) TransformGuard.AtLeast(ClassName, "target_length", length, 1);
        if (targetFs is double rate)
        {
            TransformGuard.Positive(ClassName, "target_fs", rate);
            if (fs is null) throw new TransformArgumentException(ClassName, "fs", null, "is missing: the native sampling rate is required with target_fs");
        }
        if (fs is double native) TransformGuard.Positive(ClassName, "fs", native);
        if (labelKind == InterpolationKind.Linear)
            throw new TransformArgumentException(ClassName, "label_kind", "linear", "must be 'zero' or 'nearest': class ids cannot be interpolated linearly");
        TargetLengthSamples = targetLength;
        TargetSamplingRateHz = targetFs;
        SamplingRateHz = fs;
        Method = method;
        Kind = kind;
        LabelKind = labelKind;
    }

    public int? TargetLengthSamples { get; }

    public double? TargetSamplingRateHz { get; }

    /// <summary>Native sampling rate of the input, used with <see cref="TargetSamplingRateHz"/>.</summary>
    public double? SamplingRateHz { get; }

    public ResampleMethod Method { get; }

    public InterpolationKind Kind { get; }

    public InterpolationKind LabelKind { get; }

    public bool ChangesLabel => true;

    /// <summary>Length after resampling a signal of <paramref name="lengthSamples"/> samples.</summary>
    public int OutputLength(int lengthSamples)
    {
        int length = TargetLengthSamples ?? (int)(lengthSamples * TargetSamplingRateHz!.Value / SamplingRateHz!.Value);
        if (length < 1)
            throw new ArgumentException($"{ClassName}: {lengthSamples} samples at {SamplingRateHz} Hz resampled to {TargetSamplingRateHz} Hz leave no sample");
        return length;
    }

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        int length = OutputLength(view.LengthSamples);
        double[] signal = Method == ResampleMethod.Fourier
            ? FourierResampler.Resample(view.Signal, length)
            : Interpolate(view.Signal, length, Kind);
        byte[]? label = view.Label is null ? null
            : LabelKind == InterpolationKind.Nearest ? LabelResampler.Nearest(view.Label, length)
            : LabelResampler.ZeroOrderHold(view.Label, length);
        return new EcgView(signal, label);
    }

    private static double[] Interpolate(double[] x, int length, InterpolationKind kind)
    {
        if (kind == InterpolationKind.Linear) return InterpolateLinear(x, length);

        // Reuse the label resampler's exact index rules by resampling the sample indices themselves.
        var positions = new long[x.Length];
        for (int i = 0; i < positions.Length; i++) positions[i] = i;
        long[] source = kind == InterpolationKind.Nearest
            ? LabelResampler.Nearest(positions, length)
            : LabelResampler.ZeroOrderHold(positions, length);
        var y = new double[length];
        for (int k = 0; k < length; k++) y[k] = x[source[k]];
        return y;
    }

    /// <summary>
    /// scipy interp1d 'linear' on the grid 0..T−1: interval hi = clip(searchsorted(grid, pos), 1, T−1), lo = hi − 1,
    /// y = (x[hi] − x[lo])·(pos − lo) + x[lo].
    /// </summary>
    private static double[] InterpolateLinear(double[] x, int length)
    {
        if (x.Length < 2) throw new ArgumentException($"{ClassName}: linear interpolation needs at least 2 samples, got {x.Length}");
        var y = new double[length];
        for (int k = 0; k < length; k++)
        {
            double position = NumpyLinspace.At(k, 0.0, x.Length - 1, length);
            int hi = Math.Clamp((int)Math.Ceiling(position), 1, x.Length - 1);
            int lo = hi - 1;
            y[k] = (x[hi] - x[lo]) * (position - lo) + x[lo];
        }
        return y;
    }
}
