using static TorchSharp.torch;

namespace SemiSegEcg.Models;

/// <summary>Logits of the same batch decoded from clean and from dropout-perturbed features (UniMatch).</summary>
/// <param name="Clean">Logits from the unperturbed features, <c>(B, num_classes, T)</c>.</param>
/// <param name="Perturbed">Logits from the perturbed features, <c>(B, num_classes, T)</c>.</param>
public sealed record FeaturePerturbationOutput(Tensor Clean, Tensor Perturbed);
