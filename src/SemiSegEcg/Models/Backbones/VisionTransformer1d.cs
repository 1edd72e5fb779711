using SemiSegEcg.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// The reference 1-D ViT (docs/reference/original-behaviour.md#vit-tiny; <c>vit_tiny</c>: 100 patches of 25 samples, width 192, 12 blocks,
/// 3 heads × 64). Patch embedding → prepend the class token → add the positional embedding → pre-norm blocks.
/// The outputs of the blocks in <c>out_indices</c> are returned without a final norm, class token dropped, as
/// <c>(B, embed_dims, num_patches)</c> maps. There is no stem map.
/// </summary>
/// <remarks>
/// <para>
/// State-dict keys (ours; the original's ViT key names are unknown, so these follow the common timm style):
/// <c>cls_token</c> (1, 1, E), <c>pos_embed</c> (1, N + 1, E), <c>patch_embed.{norm1,proj,norm2}.{weight,bias}</c>,
/// <c>blocks.{i}.norm1.*</c>, <c>blocks.{i}.attn.qkv.*</c>, <c>blocks.{i}.attn.proj.*</c>, <c>blocks.{i}.norm2.*</c>,
/// <c>blocks.{i}.mlp.fc1.*</c>, <c>blocks.{i}.mlp.fc2.*</c>, <c>norm.{weight,bias}</c>. Linear weights are
/// (out, in) as in PyTorch. <c>bench/pytorch_twin/vit_twin.py</c> uses the same names.
/// </para>
/// <para>
/// <c>norm</c> is the final LayerNorm the original builds and never applies: it counts in the parameter total
/// (5,363,762 for ViT-Tiny) and never receives a gradient, so the optimizer must leave it untouched.
/// Initialisation: class token and positional embedding ~ N(0, 1); Linear and LayerNorm keep PyTorch's defaults.
/// </para>
/// </remarks>
public sealed class VisionTransformer1d : BackboneBase
{
    /// <summary>The catalog entry of <c>backbone: {vit_tiny: {...}}</c>.</summary>
    public static BackboneEntry Entry { get; } = BackboneEntry.Of<VitOptions>("vit_tiny", "ViT-Tiny", options => new VisionTransformer1d(options));

    private readonly Parameter cls_token;
    private readonly Parameter pos_embed;
    private readonly VitPatchEmbedding patch_embed;
    private readonly ModuleList<VitBlock> blocks;
    private readonly LayerNorm norm;

    private readonly int[] _outIndices;
    private readonly int[] _outChannels;

    public VisionTransformer1d(VitOptions options) : base(nameof(VisionTransformer1d))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;

        cls_token = new Parameter(randn(1, 1, options.EmbedDims));
        pos_embed = new Parameter(randn(1, options.NumPatches + 1, options.EmbedDims));
        patch_embed = new VitPatchEmbedding(options.PatchSize, options.NumLeads, options.EmbedDims);
        blocks = nn.ModuleList(Enumerable.Range(0, options.NumLayers)
            .Select(_ => new VitBlock(options.EmbedDims, options.NumHeads, options.HeadDim, options.MlpHiddenDims, options.QkvBias))
            .ToArray());
        norm = nn.LayerNorm(options.EmbedDims);
        RegisterComponents();

        _outIndices = options.OutIndices.ToArray();
        _outChannels = _outIndices.Select(_ => options.EmbedDims).ToArray();
    }

    public VitOptions Options { get; }

    /// <summary>Number of transformer blocks (layer ids 1…NumLayers for layer-wise LR decay).</summary>
    public int NumLayers => Options.NumLayers;

    public override IReadOnlyList<int> OutChannels => _outChannels;

    public override int? StemChannels => null;

    /// <param name="input">Signal <c>(B, num_leads, seq_len)</c>.</param>
    public override BackboneFeatures forward(Tensor input)
    {
        if (input.dim() != 3 || input.shape[1] != Options.NumLeads || input.shape[2] != Options.SeqLen)
        {
            throw new ArgumentException(
                $"VisionTransformer1d expects input of shape (B, {Options.NumLeads} leads, {Options.SeqLen} samples); got ({string.Join(", ", input.shape)})",
                nameof(input));
        }
        using var scope = NewDisposeScope();
        long batch = input.shape[0];
        var patches = patch_embed.call(input);
        var x = cat([cls_token.expand(batch, -1, -1), patches], dim: 1).Plus(pos_embed);
        var outputs = new List<Tensor>(_outIndices.Length);
        int next = 0;
        // Blocks after the last requested index cannot affect the outputs, so they are not run.
        for (int i = 0; i < blocks.Count && next < _outIndices.Length; i++)
        {
            x = blocks[i].call(x);
            if (_outIndices[next] == i)
            {
                outputs.Add(x[.., 1..].transpose(1, 2).contiguous().MoveToOuterDisposeScope());
                next++;
            }
        }
        return new BackboneFeatures(outputs, null);
    }
}
