using SemiSegEcg.Models;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>Hard pseudo-labels from a network in eval mode without gradients (FixMatch, CPS, ST++).</summary>
public static class PseudoLabels
{
    /// <summary>Per-position confidence (max softmax) and class (argmax), both (B, T); the network's mode is restored.</summary>
    public static (Tensor Confidence, Tensor Labels) Predict(EncoderDecoder model, Tensor input)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var (confidence, labels) = model.call(input).Logits.softmax(1).max(1);
            return (confidence, labels);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
