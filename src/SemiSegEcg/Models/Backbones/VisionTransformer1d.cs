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
/// State-dict keys are the original's, so its checkpoints load and ours load in it: <c>pos_embedding</c> (1, N + 1, E),
/// <c>cls_embedding</c> (E) — one-dimensional —, <c>to_patch_embedding.{1,2,3}.{weight,bias}</c> (LayerNorm, Linear,
/// LayerNorm), per block i <c>block{i}.attn.norm.*</c>, <c>block{i}.attn.fn.to_qkv.*</c>,
/// <c>block{i}.attn.fn.to_out.0.*</c>, <c>block{i}.ff.norm.*</c>, <c>block{i}.ff.fn.net.0.*</c>,
/// <c>block{i}.ff.fn.net.3.*</c>, and <c>norm.{weight,bias}</c>, in that (PyTorch state-dict) order. Linear weights are
/// (out, in) as in PyTorch. Files saved under the timm-style names this class used before load through
/// <see cref="VitLegacyKeyNames"/>. <c>bench/pytorch_twin/vit_twin.py</c> uses the same names.
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

    // Registered by hand under the original's names (block0, block1, … are not field names), in its order.
    private readonly Parameter pos_embedding;
    private readonly Parameter cls_embedding;
    private readonly VitPatchEmbedding to_patch_embedding;
    private readonly VitBlock[] _blocks;
    private readonly LayerNorm norm;

    private readonly int[] _outIndices;
    private readonly int[] _outChannels;

    public VisionTransformer1d(VitOptions options) : base(nameof(VisionTransformer1d))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;

        // Drawn class token first, then positions: the order of the random draws the twin fixtures were made with.
        cls_embedding = new Parameter(randn(options.EmbedDims));
        pos_embedding = new Parameter(randn(1, options.NumPatches + 1, options.EmbedDims));
        to_patch_embedding = new VitPatchEmbedding(options.PatchSize, options.NumLeads, options.EmbedDims);
        _blocks = Enumerable.Range(0, options.NumLayers)
            .Select(_ => new VitBlock(options.EmbedDims, options.NumHeads, options.HeadDim, options.MlpHiddenDims, options.QkvBias))
            .ToArray();
        norm = nn.LayerNorm(options.EmbedDims);

        register_parameter(nameof(pos_embedding), pos_embedding);
        register_parameter(nameof(cls_embedding), cls_embedding);
        register_module(nameof(to_patch_embedding), to_patch_embedding);
        for (int i = 0; i < _blocks.Length; i++) register_module($"block{i}", _blocks[i]);
        register_module(nameof(norm), norm);

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
        var patches = to_patch_embedding.call(input);
        var x = cat([cls_embedding.expand(batch, 1, -1), patches], dim: 1).Plus(pos_embedding);
        var outputs = new List<Tensor>(_outIndices.Length);
        int next = 0;
        // Blocks after the last requested index cannot affect the outputs, so they are not run.
        for (int i = 0; i < _blocks.Length && next < _outIndices.Length; i++)
        {
            x = _blocks[i].call(x);
            if (_outIndices[next] == i)
            {
                outputs.Add(x[.., 1..].transpose(1, 2).contiguous().MoveToOuterDisposeScope());
                next++;
            }
        }
        return new BackboneFeatures(outputs, null);
    }
}
