using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>A logged scalar, e.g. <c>loss_x</c> or <c>mask_ratio</c>; <paramref name="Value"/> is a 0-d tensor.</summary>
public sealed record NamedScalar(string Name, Tensor Value);
