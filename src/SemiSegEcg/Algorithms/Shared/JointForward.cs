using SemiSegEcg.Models;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>
/// One train-mode forward over the labeled and unlabeled batches concatenated, as the original does, so BatchNorm
/// normalises over both; the outputs are split back.
/// </summary>
public static class JointForward
{
    public static (Tensor Labeled, Tensor Unlabeled) Run(EncoderDecoder model, Tensor labeled, Tensor unlabeled)
    {
        var (l, u) = RunWithLatent(model, labeled, unlabeled);
        return (l.Logits, u.Logits);
    }

    /// <summary>Like <see cref="Run"/>, but keeps the latent (ReCo) alongside the logits of each part.</summary>
    public static (SegmentationOutput Labeled, SegmentationOutput Unlabeled) RunWithLatent(EncoderDecoder model, Tensor labeled, Tensor unlabeled)
    {
        int n = (int)labeled.shape[0];
        var output = model.call(cat([labeled, unlabeled], dim: 0));
        var latent = output.Latent;
        return (new SegmentationOutput(output.Logits[..n], latent?[..n]), new SegmentationOutput(output.Logits[n..], latent?[n..]));
    }
}
