using System.Globalization;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Keyword arguments of the reference 1-D ViT (the <c>backbone: {vit_tiny: {...}}</c> block). Property names map
/// one-to-one to the YAML snake_case keys; defaults are ViT-Tiny's (docs/reference/original-behaviour.md#vit-tiny, docs/reference/original-behaviour.md#configuration).
/// </summary>
public sealed record VitOptions
{
    /// <summary>Input length in samples; fixed, because the positional embedding has one row per patch.</summary>
    public int SeqLen { get; init; } = 2500;

    /// <summary>Samples per patch (token); must divide <see cref="SeqLen"/>.</summary>
    public int PatchSize { get; init; } = 25;

    /// <summary>Input channels (ECG leads). Each token holds <c>patch_size × num_leads</c> values (layout: see <see cref="VitPatchEmbedding"/>).</summary>
    public int NumLeads { get; init; } = 1;

    /// <summary>Accepted for config compatibility; no effect (there is no autocast on the CPU, everything runs in fp32).</summary>
    public bool Fp16Enabled { get; init; }

    /// <summary>Token width.</summary>
    public int EmbedDims { get; init; } = 192;

    /// <summary>Number of transformer blocks (depth).</summary>
    public int NumLayers { get; init; } = 12;

    public int NumHeads { get; init; } = 3;

    /// <summary>Width of each attention head; the attention's inner width is <c>num_heads · head_dim</c>.</summary>
    public int HeadDim { get; init; } = 64;

    /// <summary>MLP hidden width as a multiple of <see cref="EmbedDims"/> (4 → 768 for ViT-Tiny); the product must be a whole number.</summary>
    public double MlpRatio { get; init; } = 4;

    /// <summary>Bias on the fused q/k/v projection.</summary>
    public bool QkvBias { get; init; } = true;

    /// <summary>Blocks (0-based) whose outputs are returned, strictly ascending, each in <c>[0, num_layers)</c>.</summary>
    public IReadOnlyList<int> OutIndices { get; init; } = [3, 5, 7, 11];

    /// <summary>Apply the final LayerNorm to the returned features; only false is supported (the norm is built but unused).</summary>
    public bool FinalNorm { get; init; }

    /// <summary>Dropout after the embeddings and in the MLP/projection; only 0 is supported.</summary>
    public double DropRate { get; init; }

    /// <summary>Dropout on the attention weights; only 0 is supported.</summary>
    public double AttnDropRate { get; init; }

    /// <summary>Stochastic depth; only 0 is supported.</summary>
    public double DropPathRate { get; init; }

    /// <summary>Number of patches (tokens without the class token).</summary>
    public int NumPatches => SeqLen / PatchSize;

    /// <summary>Values per token before the patch projection: <c>patch_size · num_leads</c>.</summary>
    public int PatchDims => PatchSize * NumLeads;

    /// <summary>MLP hidden width, <c>embed_dims · mlp_ratio</c>.</summary>
    public int MlpHiddenDims => (int)Math.Round(EmbedDims * MlpRatio);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid or unsupported option.</summary>
    public void Validate()
    {
        if (SeqLen < 1) throw Invalid("seq_len", SeqLen, "expected at least 1");
        if (PatchSize < 1) throw Invalid("patch_size", PatchSize, "expected at least 1");
        if (SeqLen % PatchSize != 0) throw Invalid("patch_size", PatchSize, $"must divide seq_len ({SeqLen})");
        if (NumLeads < 1) throw Invalid("num_leads", NumLeads, "expected at least 1");
        if (EmbedDims < 1) throw Invalid("embed_dims", EmbedDims, "expected at least 1");
        if (NumLayers < 1) throw Invalid("num_layers", NumLayers, "expected at least 1");
        if (NumHeads < 1) throw Invalid("num_heads", NumHeads, "expected at least 1");
        if (HeadDim < 1) throw Invalid("head_dim", HeadDim, "expected at least 1");
        double hidden = EmbedDims * MlpRatio;
        if (!double.IsFinite(MlpRatio) || MlpRatio <= 0 || Math.Abs(hidden - Math.Round(hidden)) > 1e-9)
            throw Invalid("mlp_ratio", MlpRatio, $"expected a positive ratio giving a whole hidden width (embed_dims {EmbedDims} × ratio)");
        if (OutIndices.Count == 0) throw Invalid("out_indices", Format(OutIndices), "expected at least one block index");
        if (OutIndices.Any(i => i < 0 || i >= NumLayers))
            throw Invalid("out_indices", Format(OutIndices), $"every index must be in [0, {NumLayers})");
        for (int i = 1; i < OutIndices.Count; i++)
        {
            if (OutIndices[i] <= OutIndices[i - 1]) throw Invalid("out_indices", Format(OutIndices), "indices must be strictly ascending");
        }
        if (FinalNorm) throw Invalid("final_norm", true, "only false is supported (the benchmark never normalises the returned features)");
        if (DropRate != 0) throw Invalid("drop_rate", DropRate, "only 0 is supported");
        if (AttnDropRate != 0) throw Invalid("attn_drop_rate", AttnDropRate, "only 0 is supported");
        if (DropPathRate != 0) throw Invalid("drop_path_rate", DropPathRate, "only 0 is supported");
    }

    private static string Format(IReadOnlyList<int> values) => $"[{string.Join(", ", values)}]";

    private static ArgumentException Invalid(string field, object value, string expectation) =>
        new($"vit backbone option '{field}' is {FormatValue(value)}: {expectation}");

    private static string FormatValue(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
