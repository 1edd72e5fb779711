using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// The three partial noises (white, sine, square; docs/reference/original-behaviour.md#strong-augmentation-randaugment): the full-length noise of the shape is
/// generated, then its <b>first</b> <c>count = ⌊U(0, ratio)·T⌋</c> samples are added at <c>[start, start + count)</c>,
/// <c>start = randint(0, T − count)</c>. The label is untouched; amplitudes are absolute.
/// Level m sets amplitude = m, freq = 0.5/m and ratio = 0.5·m.
/// </summary>
public abstract class RandomPartialNoise : ILevelAdjustable
{
    private readonly string _name;
    private readonly NoiseShape _shape;

    protected RandomPartialNoise(string name, NoiseShape shape, double amplitude, double freq, double ratio)
    {
        _name = name;
        _shape = shape;
        Amplitude = TransformGuard.NonNegative(name, "amplitude", amplitude);
        Freq = TransformGuard.Positive(name, "freq", freq);
        Ratio = TransformGuard.Probability(name, "ratio", ratio);
    }

    public double Amplitude { get; }

    /// <summary>Period of the full-length noise as a fraction of the signal length (unused by white noise; kept for config compatibility).</summary>
    public double Freq { get; }

    /// <summary>Largest window as a fraction of the signal length, in [0, 1].</summary>
    public double Ratio { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        (int count, int start) = RandomWindow.Draw(Ratio, view.LengthSamples, random);
        return ApplyWindow(view, count, start, random);
    }

    /// <summary>The op with its window draws fixed: the noise's first <paramref name="count"/> samples added at <paramref name="start"/>.</summary>
    public EcgView ApplyWindow(EcgView view, int count, int start, SeededRandom random)
    {
        RandomWindow.Validate(count, start, view.LengthSamples);
        double[] output = (double[])view.Signal.Clone();
        NoiseWaveform.AddPrefix(_shape, Amplitude, Freq, output.Length, count, output.AsSpan(start, count), random);
        return view.WithSignal(output);
    }

    public abstract ISignalTransform WithLevel(double magnitude);

    public override string ToString() => $"{_name}(amplitude={Amplitude}, freq={Freq}, ratio={Ratio})";
}
