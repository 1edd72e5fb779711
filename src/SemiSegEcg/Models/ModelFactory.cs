using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;

namespace SemiSegEcg.Models;

/// <summary>
/// Builds an <see cref="EncoderDecoder"/> from config names and option records; names are resolved through
/// <see cref="BackboneCatalog"/> and <see cref="HeadCatalog"/>.
/// </summary>
public static class ModelFactory
{
    /// <summary>
    /// Builds the network with freshly initialised weights (seed the torch generator first for reproducibility).
    /// Throws <see cref="ArgumentException"/> for an unknown name, an options record of the wrong type, or parts that
    /// do not fit together (head <c>in_channels</c> vs backbone width, <c>num_classes</c>, <c>projection_in_dim</c>).
    /// </summary>
    public static EncoderDecoder Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        BackboneBase backbone = BackboneCatalog.Get(spec.BackboneName).Create(spec.BackboneOptions);
        DecodeHeadBase? head = null;
        LatentProjection? projection = null;
        try
        {
            head = HeadCatalog.Get(spec.HeadName).Create(spec.HeadOptions);
            if (head.NumClasses != spec.NumClasses)
                throw new ArgumentException($"decode_head {spec.HeadName} option 'num_classes' is {head.NumClasses} but the model's num_classes is {spec.NumClasses}");
            projection = spec.UseLatentProjection ? new LatentProjection(spec.ProjectionInDim, spec.ProjectionOutDim) : null;
            return new EncoderDecoder(backbone, head, projection);
        }
        catch
        {
            projection?.Dispose();
            head?.Dispose();
            backbone.Dispose();
            throw;
        }
    }
}
