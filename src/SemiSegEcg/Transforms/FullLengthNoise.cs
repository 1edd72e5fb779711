using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// The three full-length noises (white, sine, square; docs/reference/original-behaviour.md#unused-augmentations, unused by the shipped configs): the noise
/// of the shape is added over the whole signal; the label is untouched. Amplitudes are absolute, in the signal's
/// units. Level m sets amplitude = m and freq = 0.5/m.
/// </summary>
public abstract class FullLengthNoise : ILevelAdjustable
{
    private readonly NoiseShape _shape;

    protected FullLengthNoise(string name, NoiseShape shape, double amplitude, double freq)
    {
        _shape = shape;
        Amplitude = TransformGuard.NonNegative(name, "amplitude", amplitude);
        Freq = TransformGuard.Positive(name, "freq", freq);
    }

    public double Amplitude { get; }

    /// <summary>Period of the periodic noises as a fraction of the signal length (unused by white noise; kept for config compatibility).</summary>
    public double Freq { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double[] output = (double[])view.Signal.Clone();
        NoiseWaveform.AddPrefix(_shape, Amplitude, Freq, output.Length, output.Length, output, random);
        return view.WithSignal(output);
    }

    public abstract ISignalTransform WithLevel(double magnitude);
}
