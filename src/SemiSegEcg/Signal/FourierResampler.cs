using System.Buffers;
using System.Numerics;

namespace SemiSegEcg.Signal;

/// <summary>
/// FFT resampling with the semantics of <c>scipy.signal.resample(x, num)</c> for real input (docs/reference/original-behaviour.md#loading-a-sample
/// step 3, docs/reference/original-behaviour.md#weak-augmentation-randomresizecrop): the spectrum is truncated or zero-padded, and the bin at N/2
/// (N = min(num, Nx), even N) is doubled when downsampling and halved when upsampling.
/// Thread-safe; scratch memory is pooled.
/// </summary>
public static class FourierResampler
{
    /// <summary>Resamples <paramref name="x"/> (length Nx ≥ 1) to <paramref name="targetLength"/> samples.</summary>
    public static double[] Resample(ReadOnlySpan<double> x, int targetLength)
    {
        var y = new double[targetLength >= 1 ? targetLength : 0];
        Resample(x, y, targetLength);
        return y;
    }

    /// <summary>Resamples <paramref name="x"/> into <paramref name="destination"/>; its length is the target length.</summary>
    public static void Resample(ReadOnlySpan<double> x, Span<double> destination) => Resample(x, destination, destination.Length);

    private static void Resample(ReadOnlySpan<double> x, Span<double> destination, int targetLength)
    {
        if (x.Length < 1) throw new ArgumentException("cannot resample an empty signal", nameof(x));
        if (targetLength < 1) throw new ArgumentOutOfRangeException(nameof(targetLength), targetLength, "target length must be at least 1 sample");

        int sourceLength = x.Length;
        RealFft forward = FftPlanCache.Real(sourceLength);
        RealFft inverse = FftPlanCache.Real(targetLength);
        Complex[] sourceRent = ArrayPool<Complex>.Shared.Rent(forward.SpectrumLength);
        Complex[] targetRent = ArrayPool<Complex>.Shared.Rent(inverse.SpectrumLength);
        try
        {
            Span<Complex> sourceSpectrum = sourceRent.AsSpan(0, forward.SpectrumLength);
            Span<Complex> targetSpectrum = targetRent.AsSpan(0, inverse.SpectrumLength);
            forward.Forward(x, sourceSpectrum);

            int kept = Math.Min(targetLength, sourceLength);
            int keptBins = kept / 2 + 1;
            targetSpectrum.Clear();
            sourceSpectrum[..keptBins].CopyTo(targetSpectrum);
            if (kept % 2 == 0)
            {
                // The bin at kept/2 stands for both +f and −f: downsampling folds them into the new Nyquist bin,
                // upsampling splits it into two bins.
                if (targetLength < sourceLength) targetSpectrum[kept / 2] *= 2.0;
                else if (targetLength > sourceLength) targetSpectrum[kept / 2] *= 0.5;
            }

            inverse.InverseUnscaled(targetSpectrum, destination);
            // irfft's 1/num times scipy's num/Nx amplitude correction.
            double scale = 1.0 / sourceLength;
            for (int i = 0; i < targetLength; i++) destination[i] *= scale;
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(sourceRent);
            ArrayPool<Complex>.Shared.Return(targetRent);
        }
    }
}
