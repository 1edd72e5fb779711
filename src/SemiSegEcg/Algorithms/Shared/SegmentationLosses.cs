using SemiSegEcg.Data;
using SemiSegEcg.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>The per-position losses the methods combine. Logits are (B, C, T); targets (B, T) int64.</summary>
public static class SegmentationLosses
{
    private static readonly Scalar IgnoreLabel = LongLivedScalars.Of((long)WaveLabels.Ignore);

    /// <summary>
    /// Cross-entropy averaged over the positions whose target is not 255 (PyTorch's <c>ignore_index</c> mean);
    /// 0 when every position is ignored, instead of NaN. Without ignored positions this is the original's plain mean.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        var perPosition = F.cross_entropy(logits, target, ignore_index: WaveLabels.Ignore, reduction: nn.Reduction.None);
        var valid = target.ne(IgnoreLabel).to(perPosition.dtype);
        return perPosition.sum().div(valid.sum().clamp_min(LongLivedScalars.One)).MoveToOuterDisposeScope();
    }

    /// <summary>Per-position cross-entropy (B, T) against hard labels, 0 where the label is 255.</summary>
    public static Tensor CrossEntropyPerPosition(Tensor logits, Tensor target) =>
        F.cross_entropy(logits, target, ignore_index: WaveLabels.Ignore, reduction: nn.Reduction.None);

    /// <summary>Soft-target cross-entropy per position: −Σ_c p_c · log softmax(logits)_c, shape (B, T).</summary>
    public static Tensor SoftCrossEntropyPerPosition(Tensor logits, Tensor targetProbabilities)
    {
        using var scope = NewDisposeScope();
        return (-(targetProbabilities * F.log_softmax(logits, dim: 1)).sum(1)).MoveToOuterDisposeScope();
    }
}
