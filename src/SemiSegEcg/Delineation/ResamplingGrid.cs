namespace SemiSegEcg.Delineation;

/// <summary>
/// How the model's fixed-rate grid (250 Hz) lies on a recording's native samples: step sample k is at native position
/// <c>k · NativeSamplesPerStep</c>. That is the grid the Fourier resampler produces (it treats the record as periodic,
/// so the last step sample is not pinned to the last native sample), which is why labels are mapped back here rather
/// than with <see cref="Signal.LabelResampler"/>, whose linspace grid pins both ends and would shift late boundaries
/// by up to one native sample.
/// </summary>
/// <param name="NativeLength">Samples at the native rate.</param>
/// <param name="StepLength">Samples at the model rate.</param>
/// <param name="NativeSamplesPerStep">Native samples per model-rate sample (2 for 500 Hz → 250 Hz).</param>
public sealed record ResamplingGrid(int NativeLength, int StepLength, double NativeSamplesPerStep)
{
    /// <summary>Nearest model-rate sample of a native sample (a native sample half-way between two takes the later).</summary>
    public int ToStep(int nativeIndex) =>
        Math.Clamp((int)Math.Floor(nativeIndex / NativeSamplesPerStep + 0.5), 0, StepLength - 1);

    /// <summary>Nearest native sample of a model-rate sample.</summary>
    public int ToNative(int stepIndex) =>
        Math.Clamp((int)Math.Floor(stepIndex * NativeSamplesPerStep + 0.5), 0, NativeLength - 1);

    /// <summary>Labels at the native rate: each native sample takes the label of its nearest model-rate sample.</summary>
    public byte[] ToNativeLabels(ReadOnlySpan<byte> stepLabels)
    {
        if (stepLabels.Length != StepLength)
            throw new ArgumentException($"labels have {stepLabels.Length} samples, the grid has {StepLength}", nameof(stepLabels));
        var native = new byte[NativeLength];
        for (int i = 0; i < native.Length; i++) native[i] = stepLabels[ToStep(i)];
        return native;
    }
}
