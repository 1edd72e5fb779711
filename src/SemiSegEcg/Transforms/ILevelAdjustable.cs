namespace SemiSegEcg.Transforms;

/// <summary>
/// An op whose strength <see cref="RandAugment"/> overwrites from its level (docs/reference/original-behaviour.md#randaugment-levels-override-the-yaml).
/// Ops without this interface (mask ops, flips, filters, ...) keep their configured parameters.
/// </summary>
public interface ILevelAdjustable : ISignalTransform
{
    /// <summary>A copy of this op with its strength parameters set from <paramref name="magnitude"/> = level / max level.</summary>
    ISignalTransform WithLevel(double magnitude);
}
