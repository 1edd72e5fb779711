using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Adds full-length white noise <c>amplitude · N(0, 1)</c> to the signal
/// (REFERENCE-SPEC §2.4, unused by the shipped configs); the label is untouched.
/// Amplitudes are absolute, in the signal's units. Level m sets amplitude = m and freq = 0.5/m.
/// </summary>
public sealed class WhiteNoise : ILevelAdjustable
{
    public const string ClassName = "WhiteNoise";

    public WhiteNoise(double amplitude = 1.0, double freq = 0.5)
    {
        Amplitude = TransformGuard.NonNegative(ClassName, "amplitude", amplitude);
        Freq = TransformGuard.Positive(ClassName, "freq", freq);
    }

    public double Amplitude { get; }

    /// <summary>Period of the periodic noises as a fraction of the signal length (unused by white noise; kept for config compatibility).</summary>
    public double Freq { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double[] output = (double[])view.Signal.Clone();
        NoiseWaveform.AddPrefix(NoiseShape.White, Amplitude, Freq, output.Length, output.Length, output, random);
        return view.WithSignal(output);
    }

    public ISignalTransform WithLevel(double magnitude) => new WhiteNoise(magnitude, 0.5 / magnitude);
}
