namespace SemiSegEcg.Models.Heads;

/// <summary>
/// Options of the U-Net decode head (the <c>decode_head: {UNetHead: {...}}</c> block). Property names map one-to-one to
/// snake_case YAML keys (<c>in_channels</c>, <c>skip_mode</c>, <c>num_convs_per_stage</c>, …). The defaults fit the
/// 1-D ResNet-18/34 with its stem; for a single-scale backbone (ViT-Tiny-1D, patch 25) set
/// <c>in_channels: [192, 192, 192, 192]</c>, <c>stem_channels: null</c>, <c>level_fusion: concat</c> (or <c>sum</c>),
/// <c>progressive_steps: 4</c> and preferably <c>input_skip: true</c>.
/// </summary>
public sealed record UNetHeadOptions
{
    /// <summary>
    /// Channels of each selected backbone level, in <see cref="InIndex"/> order; must equal the backbone's
    /// <c>OutChannels</c> at those levels.
    /// </summary>
    public IReadOnlyList<int> InChannels { get; init; } = [64, 128, 256, 512];

    /// <summary>Indices into the backbone's returned levels, strictly ascending (shallow to deep).</summary>
    public IReadOnlyList<int> InIndex { get; init; } = [0, 1, 2, 3];

    /// <summary>Channels of the backbone's stem map, fused as the last (highest-resolution) skip; null skips the stem.</summary>
    public int? StemChannels { get; init; } = 64;

    /// <summary>Whether the selected levels form a pyramid (ResNet) or share one resolution (ViT).</summary>
    public UNetLevelFusion LevelFusion { get; init; } = UNetLevelFusion.Pyramid;

    /// <summary>How each pyramid stage merges its skip. The input skip (<see cref="InputSkip"/>) is always concatenated.</summary>
    public UNetSkipMode SkipMode { get; init; } = UNetSkipMode.Concat;

    /// <summary>
    /// Output width of each decoder stage, deep to full resolution; null derives them from <see cref="BaseChannels"/>.
    /// The stage count is, for <c>pyramid</c>: (levels − 1) + (1 with a stem) + <c>progressive_steps</c> + 1;
    /// for <c>concat</c>/<c>sum</c>: 1 (the fusion) + <c>progressive_steps</c> + 1. The last entry feeds <c>cls_seg</c>.
    /// </summary>
    public IReadOnlyList<int>? Channels { get; init; }

    /// <summary>Width of the first (deepest) stage when <see cref="Channels"/> is null; each later stage halves it, down to 32.</summary>
    public int BaseChannels { get; init; } = 256;

    /// <summary>Conv-BN-ReLU modules per decoder stage.</summary>
    public int NumConvsPerStage { get; init; } = 2;

    /// <summary>Odd kernel size of every decoder convolution (padding k/2 keeps the length).</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Extra ×2 upsampling stages (without skips) before the final stage, e.g. 4 for 100 → 1600 with a patch-25 ViT.</summary>
    public int ProgressiveSteps { get; init; }

    /// <summary>Concatenate a small conv block on the raw input signal before the final stage's convolutions.</summary>
    public bool InputSkip { get; init; }

    /// <summary>Leads of the input signal (only read with <see cref="InputSkip"/>).</summary>
    public int NumLeads { get; init; } = 1;

    /// <summary>Width of the input-skip conv block.</summary>
    public int InputSkipChannels { get; init; } = 16;

    public double DropoutRatio { get; init; } = 0.1;

    public int NumClasses { get; init; } = 4;

    /// <summary>The <c>align_corners</c> flag of every internal linear upsampling (false in the benchmark).</summary>
    public bool AlignCorners { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (InChannels is null || InChannels.Count == 0) throw Invalid("in_channels", Format(InChannels), "expected one width per selected level");
        if (InChannels.Any(c => c < 1)) throw Invalid("in_channels", Format(InChannels), "every width must be at least 1");
        if (InIndex is null || InIndex.Count != InChannels.Count)
            throw Invalid("in_index", Format(InIndex), $"expected {InChannels.Count} level indices (one per 'in_channels' entry {Format(InChannels)})");
        if (InIndex.Any(i => i < 0)) throw Invalid("in_index", Format(InIndex), "every index must be ≥ 0");
        for (int i = 1; i < InIndex.Count; i++)
        {
            if (InIndex[i] <= InIndex[i - 1]) throw Invalid("in_index", Format(InIndex), "indices must be strictly ascending (shallow to deep)");
        }
        if (StemChannels is < 1) throw Invalid("stem_channels", StemChannels, "expected at least 1, or null to skip the stem");
        if (!Enum.IsDefined(LevelFusion)) throw Invalid("level_fusion", LevelFusion, "expected pyramid, concat or sum");
        if (!Enum.IsDefined(SkipMode)) throw Invalid("skip_mode", SkipMode, "expected concat or add");
        if (LevelFusion == UNetLevelFusion.Sum && InChannels.Distinct().Count() > 1)
            throw Invalid("in_channels", Format(InChannels), "level_fusion 'sum' needs every level to have the same width");
        if (LevelFusion != UNetLevelFusion.Pyramid && StemChannels is not null)
            throw Invalid("stem_channels", StemChannels, $"level_fusion '{Snake(LevelFusion)}' reads single-scale levels and no stem; set stem_channels: null");
        if (BaseChannels < 1) throw Invalid("base_channels", BaseChannels, "expected at least 1");
        if (NumConvsPerStage < 1) throw Invalid("num_convs_per_stage", NumConvsPerStage, "expected at least 1");
        if (KernelSize < 1 || KernelSize % 2 == 0) throw Invalid("kernel_size", KernelSize, "expected an odd size ≥ 1");
        if (ProgressiveSteps is < 0 or > 8) throw Invalid("progressive_steps", ProgressiveSteps, "expected 0 to 8");
        if (NumLeads < 1) throw Invalid("num_leads", NumLeads, "expected at least 1");
        if (InputSkipChannels < 1) throw Invalid("input_skip_channels", InputSkipChannels, "expected at least 1");
        if (Channels is not null)
        {
            int expected = DecoderStageCount();
            if (Channels.Count != expected)
                throw Invalid("channels", Format(Channels), $"expected {expected} widths (one per decoder stage: {string.Join(", ", DecoderStageNames())})");
            if (Channels.Any(c => c < 1)) throw Invalid("channels", Format(Channels), "every width must be at least 1");
        }
    }

    /// <summary>Number of decoder stages (fusion, skip and upsampling stages, and the final full-resolution stage).</summary>
    public int DecoderStageCount() => DecoderStageNames().Count;

    /// <summary>Short names of the decoder stages, deep to full resolution (used in messages).</summary>
    public IReadOnlyList<string> DecoderStageNames()
    {
        var names = new List<string>();
        if (LevelFusion == UNetLevelFusion.Pyramid)
        {
            for (int i = InIndex.Count - 2; i >= 0; i--) names.Add($"skip level {InIndex[i]}");
            if (StemChannels is not null) names.Add("skip stem");
        }
        else
        {
            names.Add($"{Snake(LevelFusion)} levels [{string.Join(", ", InIndex)}]");
        }
        for (int i = 0; i < ProgressiveSteps; i++) names.Add($"upsample ×2 #{i + 1}");
        names.Add(InputSkip ? "final with input skip" : "final");
        return names;
    }

    /// <summary>The decoder stage widths: <see cref="Channels"/> or the halving series from <see cref="BaseChannels"/>.</summary>
    public IReadOnlyList<int> ResolvedChannels()
    {
        if (Channels is not null) return Channels;
        int count = DecoderStageCount();
        return Enumerable.Range(0, count).Select(i => Math.Max(BaseChannels >> Math.Min(i, 30), Math.Min(BaseChannels, MinDerivedChannels))).ToArray();
    }

    /// <summary>Floor of the halving series (or <see cref="BaseChannels"/> itself when smaller).</summary>
    public const int MinDerivedChannels = 32;

    internal static string Snake(Enum value) => value.ToString().ToLowerInvariant();

    private static string Format(IReadOnlyList<int>? values) => values is null ? "null" : $"[{string.Join(", ", values)}]";

    private static ArgumentException Invalid(string field, object? value, string expectation) =>
        new($"UNetHead option '{field}' is {value switch { null => "null", Enum e => Snake(e), _ => value }}: {expectation}");
}
