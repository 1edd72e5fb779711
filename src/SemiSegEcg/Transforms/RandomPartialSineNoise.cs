namespace SemiSegEcg.Transforms;

/// <summary>Adds the start of the sine <c>amplitude · sin(2π·(n/T)/freq)</c> on a random window (rule in <see cref="RandomPartialNoise"/>).</summary>
public sealed class RandomPartialSineNoise(double amplitude = 1.0, double freq = 0.5, double ratio = 0.5)
    : RandomPartialNoise(ClassName, NoiseShape.Sine, amplitude, freq, ratio)
{
    public const string ClassName = "RandomPartialSineNoise";

    public override ISignalTransform WithLevel(double magnitude) => new RandomPartialSineNoise(magnitude, 0.5 / magnitude, 0.5 * magnitude);
}
