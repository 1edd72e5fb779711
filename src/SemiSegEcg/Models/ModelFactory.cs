using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;

namespace SemiSegEcg.Models;

/// <summary>Builds an <see cref="EncoderDecoder"/> from config names and option records; the only place names are resolved.</summary>
public static class ModelFactory
{
    public static IReadOnlyList<string> BackboneNames { get; } = ["resnet18", "resnet34", "vit_tiny"];

    public static IReadOnlyList<string> HeadNames { get; } = ["FCNHead", "UNetHead"];

    /// <summary>The options record a backbone's config arguments bind to.</summary>
    public static Type BackboneOptionsType(string name) => name switch
    {
        "resnet18" or "resnet34" => typeof(ResNetOptions),
        "vit_tiny" => typeof(VitOptions),
        _ => throw Unknown("backbone", name, BackboneNames),
    };

    /// <summary>The options record a decode head's config arguments bind to.</summary>
    public static Type HeadOptionsType(string name) => name switch
    {
        "FCNHead" => typeof(FcnHeadOptions),
        "UNetHead" => typeof(UNetHeadOptions),
        _ => throw Unknown("decode_head", name, HeadNames),
    };

    /// <summary>
    /// Builds the network with freshly initialised weights (seed the torch generator first for reproducibility).
    /// Throws <see cref="ArgumentException"/> for an unknown name, an options record of the wrong type, or parts that
    /// do not fit together (head <c>in_channels</c> vs backbone width, <c>num_classes</c>, <c>projection_in_dim</c>).
    /// </summary>
    public static EncoderDecoder Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        BackboneBase backbone = spec.BackboneName switch
        {
            "resnet18" => new ResNet1d(18, OptionsFor<ResNetOptions>(spec.BackboneOptions, "backbone", spec.BackboneName)),
            "resnet34" => new ResNet1d(34, OptionsFor<ResNetOptions>(spec.BackboneOptions, "backbone", spec.BackboneName)),
            "vit_tiny" => new VisionTransformer1d(OptionsFor<VitOptions>(spec.BackboneOptions, "backbone", spec.BackboneName)),
            _ => throw Unknown("backbone", spec.BackboneName, BackboneNames),
        };
        DecodeHeadBase? head = null;
        LatentProjection? projection = null;
        try
        {
            head = spec.HeadName switch
            {
                "FCNHead" => new FcnHead(OptionsFor<FcnHeadOptions>(spec.HeadOptions, "decode_head", spec.HeadName)),
                "UNetHead" => new UNetHead(OptionsFor<UNetHeadOptions>(spec.HeadOptions, "decode_head", spec.HeadName)),
                _ => throw Unknown("decode_head", spec.HeadName, HeadNames),
            };
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

    private static T OptionsFor<T>(object options, string section, string name) where T : class =>
        options as T ?? throw new ArgumentException(
            $"{section} '{name}' needs options of type {typeof(T).Name}, got {options?.GetType().Name ?? "null"}");

    private static ArgumentException Unknown(string section, string name, IReadOnlyList<string> valid) =>
        new($"unknown {section} '{name}'; valid names: {string.Join(", ", valid)}");
}
