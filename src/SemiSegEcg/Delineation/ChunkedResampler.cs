using SemiSegEcg.Signal;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Fourier resampling of a long recording chunk by chunk, so memory and FFT sizes stay bounded for hour-long
/// inputs. Every chunk is resampled with a margin on both sides (the FFT treats a chunk as periodic, which disturbs
/// its ends) and only its core is kept. Chunk edges lie on samples that exist on both grids, which needs the rate
/// ratio to be a fraction with a small denominator (any rate given to 0.001 Hz is).
/// </summary>
internal static class ChunkedResampler
{
    private const long MaxDenominator = 5000;

    /// <summary>Resamples to <paramref name="targetRateHz"/>; null when the rate ratio is not a small fraction.</summary>
    /// <param name="nativeSamplesPerStep">Exact native samples per output sample.</param>
    public static double[]? TryResample(ReadOnlySpan<double> x, double rateHz, double targetRateHz, double chunkSeconds, double marginSeconds,
        out double nativeSamplesPerStep)
    {
        nativeSamplesPerStep = rateHz / targetRateHz;
        if (!TryRatio(rateHz, targetRateHz, out long nativePerBlock, out long stepsPerBlock)) return null;

        int n = x.Length;
        long outputLength = (long)Math.Round(n * (double)stepsPerBlock / nativePerBlock);
        if (outputLength < 1 || outputLength > Array.MaxLength) return null;
        long core = stepsPerBlock * (long)Math.Ceiling(chunkSeconds * targetRateHz / stepsPerBlock);
        long margin = stepsPerBlock * (long)Math.Ceiling(marginSeconds * targetRateHz / stepsPerBlock);

        var output = new double[outputLength];
        for (long coreStart = 0; coreStart < outputLength; coreStart += core)
        {
            long coreEnd = Math.Min(coreStart + core, outputLength);
            long start = Math.Max(0, coreStart - margin);
            long end = coreEnd + margin;
            long nativeStart = start / stepsPerBlock * nativePerBlock;
            long nativeEnd;
            if (end >= outputLength)
            {
                // The record need not end on a block edge: the last chunk takes what is left on both grids.
                end = outputLength;
                nativeEnd = n;
            }
            else
            {
                nativeEnd = end / stepsPerBlock * nativePerBlock;
            }
            double[] chunk = FourierResampler.Resample(x[(int)nativeStart..(int)nativeEnd], (int)(end - start));
            chunk.AsSpan((int)(coreStart - start), (int)(coreEnd - coreStart)).CopyTo(output.AsSpan((int)coreStart));
        }
        return output;
    }

    /// <summary>rate / target = nativePerBlock / stepsPerBlock in lowest terms, from the rates in mHz.</summary>
    private static bool TryRatio(double rateHz, double targetRateHz, out long nativePerBlock, out long stepsPerBlock)
    {
        nativePerBlock = stepsPerBlock = 0;
        double a = rateHz * 1000, b = targetRateHz * 1000;
        if (Math.Abs(a - Math.Round(a)) > 1e-6 || Math.Abs(b - Math.Round(b)) > 1e-6) return false;
        long p = (long)Math.Round(a), q = (long)Math.Round(b);
        long g = (long)System.Numerics.BigInteger.GreatestCommonDivisor(p, q);
        nativePerBlock = p / g;
        stepsPerBlock = q / g;
        return stepsPerBlock <= MaxDenominator && nativePerBlock <= MaxDenominator * 100;
    }
}
