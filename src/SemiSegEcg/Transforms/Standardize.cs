using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Transforms;

/// <summary>
/// z-scores the signal with the population std (docs/reference/original-behaviour.md#preprocessing-transforms <c>Standardize</c>); a constant signal becomes
/// zeros. The reference's <c>axis</c> (default (−1, −2)) selects the axes of its (C, T) array; for one lead both that
/// and −1 mean "the whole signal", the only choices a single-lead view can honour. The label is untouched.
/// </summary>
public sealed class Standardize : ISignalTransform
{
    public const string ClassName = "Standardize";

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double[] output = (double[])view.Signal.Clone();
        Standardizer.Standardize(output);
        return view.WithSignal(output);
    }

    /// <summary>Checks a config <c>axis</c> value: −1, or the two axes −1 and −2 (in any order, 0/1 spelled as −2/−1).</summary>
    public static bool IsSupportedAxis(IReadOnlyList<long> axes)
    {
        var normalized = axes.Select(a => a >= 0 ? a - 2 : a).Distinct().Order().ToArray();
        return axes.Count == normalized.Length && (normalized.SequenceEqual([-1L]) || normalized.SequenceEqual([-2L, -1L]));
    }
}
