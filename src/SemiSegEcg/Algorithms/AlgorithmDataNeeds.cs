
namespace SemiSegEcg.Algorithms;

/// <summary>What a method consumes per step.</summary>
/// <param name="UsesUnlabeled">Reads an unlabeled batch (then the labeled set is oversampled to the unlabeled size).</param>
/// <param name="UnlabeledStrongViews">Strong views of each unlabeled item (0, 1 or 2).</param>
public sealed record AlgorithmDataNeeds(bool UsesUnlabeled, int UnlabeledStrongViews)
{
    public static AlgorithmDataNeeds Supervised { get; } = new(false, 0);
}
