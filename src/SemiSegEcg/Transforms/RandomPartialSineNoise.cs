using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Adds the start of the sine <c>amplitude · sin(2π·(n/T)/freq)</c> on a random window (REFERENCE-SPEC §2.4; rule in <see cref="PartialNoise"/>); the label is untouched.
/// Amplitudes are absolute. Level m sets amplitude = m, freq = 0.5/m and ratio = 0.5·m.
/// </summary>
public sealed class RandomPartialSineNoise : ILevelAdjustable
{
    public const string ClassName = "RandomPartialSineNoise";

    private readonly PartialNoise _noise;

    public RandomPartialSineNoise(double amplitude = 1.0, double freq = 0.5, double ratio = 0.5)
    {
        _noise = new PartialNoise(ClassName, NoiseShape.Sine, amplitude, freq, ratio);
    }

    public double Amplitude => _noise.Amplitude;

    /// <summary>Period of the full-length noise as a fraction of the signal length.</summary>
    public double Freq => _noise.Freq;

    /// <summary>Largest window as a fraction of the signal length, in [0, 1].</summary>
    public double Ratio => _noise.Ratio;

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random) => _noise.Apply(view, random);

    /// <summary>The op with its window draws fixed: the noise's first <paramref name="count"/> samples added at <paramref name="start"/>.</summary>
    public EcgView ApplyWindow(EcgView view, int count, int start, SeededRandom random) => _noise.ApplyWindow(view, count, start, random);

    public ISignalTransform WithLevel(double magnitude) => new RandomPartialSineNoise(magnitude, 0.5 / magnitude, 0.5 * magnitude);
}
