using static TorchSharp.torch;

namespace SemiSegEcg.Models;

/// <summary>One forward pass of a segmentation model.</summary>
/// <param name="Logits">Class logits resized to the input length, <c>(B, num_classes, T)</c>.</param>
/// <param name="Latent">ReCo's projected latent resized to the input length, <c>(B, projection_out_dim, T)</c>; null without a projection.</param>
public sealed record SegmentationOutput(Tensor Logits, Tensor? Latent);
