using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// A feature extractor: signal <c>(B, leads, T)</c> in, <see cref="BackboneFeatures"/> out.
/// Decode heads are checked against <see cref="OutChannels"/> when a model is built.
/// </summary>
public abstract class BackboneBase : nn.Module<Tensor, BackboneFeatures>
{
    protected BackboneBase(string name) : base(name)
    {
    }

    /// <summary>Channel count of each entry of <see cref="BackboneFeatures.Stages"/>, in the same order.</summary>
    public abstract IReadOnlyList<int> OutChannels { get; }

    /// <summary>Channel count of <see cref="BackboneFeatures.Stem"/>, or null when the backbone returns no stem map.</summary>
    public abstract int? StemChannels { get; }
}
