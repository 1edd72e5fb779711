using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Adds mains interference scaled to the signal (docs/reference/original-behaviour.md#strong-augmentation-randaugment): <c>A·sin(2π·f·n/fs)</c> over the whole
/// signal, zero phase, with A = (95th − 5th percentile)/2 of the current signal (numpy linear percentile) and
/// f = 50 Hz if <c>U(0,1) &lt; 0.5</c> else 60 Hz. The label is untouched.
/// </summary>
/// <remarks>
/// <c>amplitude</c> and <c>freq</c> are accepted because the reference op inherits them from its noise base class and
/// RandAugment's level sets them, but the amplitude is recomputed from the signal on every call, so they have no effect.
/// </remarks>
public sealed class AdaptivePowerlineNoise : ILevelAdjustable
{
    public const string ClassName = "AdaptivePowerlineNoise";

    public AdaptivePowerlineNoise(double fs = 500.0, double amplitude = 1.0, double freq = 0.5)
    {
        SamplingRateHz = TransformGuard.Positive(ClassName, "fs", fs);
        Amplitude = TransformGuard.NonNegative(ClassName, "amplitude", amplitude);
        Freq = TransformGuard.Positive(ClassName, "freq", freq);
    }

    public double SamplingRateHz { get; }

    /// <summary>Inherited parameter without effect (see remarks).</summary>
    public double Amplitude { get; }

    /// <summary>Inherited parameter without effect (see remarks).</summary>
    public double Freq { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random) =>
        ApplyAtFrequency(view, random.NextDouble() < 0.5 ? 50.0 : 60.0);

    /// <summary>The op with its frequency draw fixed.</summary>
    public EcgView ApplyAtFrequency(EcgView view, double frequencyHz)
    {
        double amplitude = NoiseAmplitude(view.Signal);
        double[] output = (double[])view.Signal.Clone();
        for (int n = 0; n < output.Length; n++) output[n] += amplitude * Math.Sin(2.0 * Math.PI * frequencyHz * n / SamplingRateHz);
        return view.WithSignal(output);
    }

    /// <summary>(95th − 5th percentile)/2 of <paramref name="signal"/>.</summary>
    public static double NoiseAmplitude(ReadOnlySpan<double> signal)
    {
        (double p05, double p95) = PooledOrderStatistics.Percentiles(signal, 5.0, 95.0);
        return (p95 - p05) / 2.0;
    }

    public ISignalTransform WithLevel(double magnitude) => new AdaptivePowerlineNoise(SamplingRateHz, magnitude, 0.5 / magnitude);
}
