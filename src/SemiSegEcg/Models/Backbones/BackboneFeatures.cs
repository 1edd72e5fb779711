using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Multi-level features of one backbone pass.
/// </summary>
/// <param name="Stages">
/// One map per requested level, in the backbone's <c>out_indices</c> order; a head's <c>in_index</c> indexes this list
/// (so for the ResNet with <c>out_indices [0,1,2,3]</c>, index 3 is the last stage). Each is <c>(B, C_i, L_i)</c>.
/// </param>
/// <param name="Stem">
/// The stem output before any pooling, <c>(B, C_stem, L_stem)</c>, for decoders that need the highest resolution
/// (U-Net); null when the backbone has no convolutional stem (ViT).
/// </param>
/// <param name="Input">
/// The signal <c>(B, leads, T)</c> the features were computed from, for heads that need the input length or a
/// full-resolution skip (U-Net); attached by <c>EncoderDecoder.ExtractFeatures</c>, null when a backbone builds the record.
/// </param>
public sealed record BackboneFeatures(IReadOnlyList<Tensor> Stages, Tensor? Stem, Tensor? Input = null);
