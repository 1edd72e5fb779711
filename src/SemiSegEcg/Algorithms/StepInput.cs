using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>The tensors of one step, created inside the step's dispose scope.</summary>
/// <param name="Labeled">Weak labeled views (B, 1, T).</param>
/// <param name="Masks">Targets (B, T), int64, 255 = ignore.</param>
/// <param name="UnlabeledWeak">Weak unlabeled views (B, 1, T), when the method uses unlabeled data.</param>
/// <param name="UnlabeledStrong">Strong views of the same unlabeled items, each (B, 1, T).</param>
public sealed record StepInput(Tensor Labeled, Tensor Masks, Tensor? UnlabeledWeak, IReadOnlyList<Tensor> UnlabeledStrong)
{
    public Tensor RequireUnlabeledWeak(string algorithm) =>
        UnlabeledWeak ?? throw new InvalidOperationException($"{algorithm} needs an unlabeled batch");
}
