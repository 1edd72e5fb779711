namespace SemiSegEcg.Models;

/// <summary>
/// What to build: the names and option records of the config's <c>backbone</c> and <c>decode_head</c> blocks plus
/// the top-level ReCo projection keys.
/// </summary>
/// <param name="BackboneName">A <see cref="Backbones.BackboneCatalog"/> name (<c>resnet18</c>).</param>
/// <param name="BackboneOptions">Options record of that backbone (its entry's <see cref="ModelPartEntry{TPart}.OptionsType"/>).</param>
/// <param name="HeadName">A <see cref="Heads.HeadCatalog"/> name (<c>FCNHead</c>).</param>
/// <param name="HeadOptions">Options record of that head (its entry's <see cref="ModelPartEntry{TPart}.OptionsType"/>).</param>
/// <param name="NumClasses">Classes to predict; must agree with the head's <c>num_classes</c>.</param>
/// <param name="UseLatentProjection">Add ReCo's latent projection (<c>use_latent_projection</c>).</param>
/// <param name="ProjectionInDim">Projection input width (<c>projection_in_dim</c>); must equal the backbone's last level width.</param>
/// <param name="ProjectionOutDim">Latent width (<c>projection_out_dim</c>).</param>
public sealed record ModelSpec(
    string BackboneName,
    object BackboneOptions,
    string HeadName,
    object HeadOptions,
    int NumClasses = 4,
    bool UseLatentProjection = false,
    int ProjectionInDim = 512,
    int ProjectionOutDim = 128);
