namespace SemiSegEcg.Transforms;

/// <summary>Adds white noise <c>amplitude · N(0, 1)</c> on a random window (rule in <see cref="RandomPartialNoise"/>).</summary>
public sealed class RandomPartialWhiteNoise(double amplitude = 1.0, double freq = 0.5, double ratio = 0.5)
    : RandomPartialNoise(ClassName, NoiseShape.White, amplitude, freq, ratio)
{
    public const string ClassName = "RandomPartialWhiteNoise";

    public override ISignalTransform WithLevel(double magnitude) => new RandomPartialWhiteNoise(magnitude, 0.5 / magnitude, 0.5 * magnitude);
}
