namespace SemiSegEcg.Models;

/// <summary>
/// What to build: the names and option records of the config's <c>backbone</c> and <c>decode_head</c> blocks plus
/// the top-level ReCo projection keys.
/// </summary>
/// <param name="BackboneName">Config name: <c>resnet18</c> or <c>resnet34</c>.</param>
/// <param name="BackboneOptions">Options record for that backbone (<see cref="Backbones.ResNetOptions"/>).</param>
/// <param name="HeadName">Config name: <c>FCNHead</c>.</param>
/// <param name="HeadOptions">Options record for that head (<see cref="Heads.FcnHeadOptions"/>).</param>
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
