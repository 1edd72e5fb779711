using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Applies <see cref="Transform"/> when <c>U(0,1) &lt; prob</c>, otherwise returns the view itself
/// (docs/reference/original-behaviour.md#transform-names <c>RandomApply</c>).
/// </summary>
public sealed class RandomApply : ISignalTransform
{
    public const string ClassName = "RandomApply";

    public RandomApply(ISignalTransform transform, double prob = 0.5)
    {
        Transform = transform ?? throw new ArgumentNullException(nameof(transform));
        Probability = TransformGuard.Probability(ClassName, "prob", prob);
    }

    public ISignalTransform Transform { get; }

    public double Probability { get; }

    public bool ChangesLabel => Transform.ChangesLabel;

    public EcgView Apply(EcgView view, SeededRandom random) =>
        random.NextDouble() < Probability ? Transform.Apply(view, random) : view;
}
