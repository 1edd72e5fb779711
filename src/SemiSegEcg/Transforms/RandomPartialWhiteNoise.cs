using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Adds white noise <c>amplitude · N(0, 1)</c> on a random window (REFERENCE-SPEC §2.4; rule in <see cref="PartialNoise"/>); the label is untouched.
/// Amplitudes are absolute. Level m sets amplitude = m, freq = 0.5/m and ratio = 0.5·m.
/// </summary>
public sealed class RandomPartialWhiteNoise : ILevelAdjustable
{
    public const string ClassName = "RandomPartialWhiteNoise";

    private readonly PartialNoise _noise;

    public RandomPartialWhiteNoise(double amplitude = 1.0, double freq = 0.5, double ratio = 0.5)
    {
        _noise = new PartialNoise(ClassName, NoiseShape.White, amplitude, freq, ratio);
    }

    public double Amplitude => _noise.Amplitude;

    /// <summary>Period of the full-length noise as a fraction of the signal length (unused by white noise; kept for config compatibility).</summary>
    public double Freq => _noise.Freq;

    /// <summary>Largest window as a fraction of the signal length, in [0, 1].</summary>
    public double Ratio => _noise.Ratio;

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random) => _noise.Apply(view, random);

    /// <summary>The op with its window draws fixed: the noise's first <paramref name="count"/> samples added at <paramref name="start"/>.</summary>
    public EcgView ApplyWindow(EcgView view, int count, int start, SeededRandom random) => _noise.ApplyWindow(view, count, start, random);

    public ISignalTransform WithLevel(double magnitude) => new RandomPartialWhiteNoise(magnitude, 0.5 / magnitude, 0.5 * magnitude);
}
