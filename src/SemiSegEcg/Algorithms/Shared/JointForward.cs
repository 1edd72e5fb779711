using SemiSegEcg.Models;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>
/// One train-mode forward over the labeled and unlabeled batches concatenated, as the original does, so BatchNorm
/// normalises over both; the logits are split back.
/// </summary>
public static class JointForward
{
    public static (Tensor Labeled, Tensor Unlabeled) Run(EncoderDecoder model, Tensor labeled, Tensor unlabeled)
    {
        long n = labeled.shape[0];
        var logits = model.call(cat([labeled, unlabeled], dim: 0)).Logits;
        return (logits[..(int)n], logits[(int)n..]);
    }
}
