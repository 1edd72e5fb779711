using SemiSegEcg.Signal;

namespace SemiSegEcg.Data.Samples;

/// <summary>
/// The loader's deterministic steps for one stored sample (docs/reference/original-behaviour.md#loading-a-sample, steps 3–4): FFT-resample the signal to the model
/// length (only when its length differs), zero-order-hold the mask, then run the configured filter chain on the signal.
/// </summary>
/// <param name="filter">The <c>dataset.filter</c> chain (high-pass then low-pass in the benchmark), or null.</param>
public sealed class SamplePreprocessing(int targetLengthSamples, Func<double[], double[]>? filter)
{
    public int TargetLengthSamples { get; } = targetLengthSamples;

    /// <summary>The benchmark's standard chain (resample to 2500, Butterworth-5 0.67 Hz high-pass, 40 Hz low-pass at 250 Hz).</summary>
    public static SamplePreprocessing Standard(EcgPreprocessor preprocessor) =>
        new(preprocessor.TargetLengthSamples, preprocessor.FilterOnly);

    public double[] Signal(ReadOnlySpan<double> raw)
    {
        double[] resampled = raw.Length == TargetLengthSamples ? raw.ToArray() : FourierResampler.Resample(raw, TargetLengthSamples);
        return filter is null ? resampled : filter(resampled);
    }

    public byte[] Labels(ReadOnlySpan<byte> raw) =>
        raw.Length == TargetLengthSamples ? raw.ToArray() : LabelResampler.ZeroOrderHold(raw, TargetLengthSamples);
}
