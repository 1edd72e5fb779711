using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>The additive noise templates of the reference's noise ops (docs/reference/original-behaviour.md#strong-augmentation-randaugment, docs/reference/fixtures.md#deterministic-augmentation-outputs).</summary>
internal static class NoiseWaveform
{
    /// <summary>
    /// Adds the first <paramref name="count"/> samples of the full-length (<paramref name="totalLength"/>) noise to
    /// <paramref name="destination"/>, which starts at the window start. White noise is drawn only for the samples
    /// used: the draws are independent, so this has the distribution of drawing T values and using the first count.
    /// </summary>
    public static void AddPrefix(NoiseShape shape, double amplitude, double freq, int totalLength, int count, Span<double> destination, SeededRandom random)
    {
        switch (shape)
        {
            case NoiseShape.White:
                for (int n = 0; n < count; n++) destination[n] += amplitude * random.NextGaussian();
                break;
            case NoiseShape.Sine:
                for (int n = 0; n < count; n++) destination[n] += amplitude * Math.Sin(Phase(n, totalLength, freq));
                break;
            case NoiseShape.Square:
                for (int n = 0; n < count; n++) destination[n] += amplitude * Square(Phase(n, totalLength, freq));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown noise shape");
        }
    }

    /// <summary>2π·(n/T)/freq, evaluated in the reference's order.</summary>
    private static double Phase(int n, int totalLength, double freq) => 2.0 * Math.PI * ((double)n / totalLength) / freq;

    /// <summary>scipy.signal.square(t, duty=0.5): +1 while t mod 2π &lt; π, else −1 (numpy mod = fmod for t ≥ 0).</summary>
    private static double Square(double t)
    {
        double tmod = t % (2.0 * Math.PI);
        if (tmod < 0) tmod += 2.0 * Math.PI;
        return tmod < 0.5 * (2.0 * Math.PI) ? 1.0 : -1.0;
    }
}
