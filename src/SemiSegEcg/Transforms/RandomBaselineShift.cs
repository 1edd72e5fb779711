using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Adds a constant offset <c>median(x)·s</c>, <c>s = U(0, scale)·(±1)</c>, on a random window of
/// <c>int(U(0, ratio)·T)</c> samples starting at <c>randint(0, T − count)</c> (docs/reference/original-behaviour.md#unused-augmentations, unused). On a
/// high-passed signal the median is ≈ 0, so the op does almost nothing (docs/reference/original-behaviour.md#baseline-shift-is-nearly-a-no-op). The label is untouched.
/// Level m sets ratio = 0.5·m and scale = 3·m.
/// </summary>
public sealed class RandomBaselineShift : ILevelAdjustable
{
    public const string ClassName = "RandomBaselineShift";

    public RandomBaselineShift(double ratio = 0.5, double scale = 3.0)
    {
        Ratio = TransformGuard.Probability(ClassName, "ratio", ratio);
        Scale = TransformGuard.NonNegative(ClassName, "scale", scale);
    }

    public double Ratio { get; }

    public double Scale { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double shift = random.Uniform(0.0, Scale) * (random.NextDouble() < 0.5 ? -1.0 : 1.0);
        (int count, int start) = RandomWindow.Draw(Ratio, view.LengthSamples, random);
        double offset = PooledOrderStatistics.Median(view.Signal) * shift;
        double[] output = (double[])view.Signal.Clone();
        foreach (ref double v in output.AsSpan(start, count)) v += offset;
        return view.WithSignal(output);
    }

    public ISignalTransform WithLevel(double magnitude) => new RandomBaselineShift(0.5 * magnitude, 3.0 * magnitude);
}
