using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Adds full-length sine noise <c>amplitude · sin(2π·(n/T)/freq)</c> to the signal
/// (REFERENCE-SPEC §2.4, unused by the shipped configs); the label is untouched.
/// Amplitudes are absolute, in the signal's units. Level m sets amplitude = m and freq = 0.5/m.
/// </summary>
public sealed class SineNoise : ILevelAdjustable
{
    public const string ClassName = "SineNoise";

    public SineNoise(double amplitude = 1.0, double freq = 0.5)
    {
        Amplitude = TransformGuard.NonNegative(ClassName, "amplitude", amplitude);
        Freq = TransformGuard.Positive(ClassName, "freq", freq);
    }

    public double Amplitude { get; }

    /// <summary>Period of the periodic noises as a fraction of the signal length.</summary>
    public double Freq { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double[] output = (double[])view.Signal.Clone();
        NoiseWaveform.AddPrefix(NoiseShape.Sine, Amplitude, Freq, output.Length, output.Length, output, random);
        return view.WithSignal(output);
    }

    public ISignalTransform WithLevel(double magnitude) => new SineNoise(magnitude, 0.5 / magnitude);
}
