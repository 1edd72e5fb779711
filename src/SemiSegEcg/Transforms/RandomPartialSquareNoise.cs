namespace SemiSegEcg.Transforms;

/// <summary>Adds the start of the 50 %-duty square wave <c>amplitude · square(2π·(n/T)/freq)</c> on a random window (rule in <see cref="RandomPartialNoise"/>).</summary>
public sealed class RandomPartialSquareNoise(double amplitude = 1.0, double freq = 0.5, double ratio = 0.5)
    : RandomPartialNoise(ClassName, NoiseShape.Square, amplitude, freq, ratio)
{
    public const string ClassName = "RandomPartialSquareNoise";

    public override ISignalTransform WithLevel(double magnitude) => new RandomPartialSquareNoise(magnitude, 0.5 / magnitude, 0.5 * magnitude);
}
