namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Keyword arguments of the reference 1-D ResNet (the <c>backbone: {resnet18: {...}}</c> block). Property names map
/// one-to-one to the YAML snake_case keys; defaults are the reference's. The depth is not an option: it comes from
/// the backbone name (<c>resnet18</c>, <c>resnet34</c>).
/// </summary>
public sealed record ResNetOptions
{
    /// <summary>Input channels (ECG leads).</summary>
    public int NumLeads { get; init; } = 1;

    public int NumStages { get; init; } = 4;

    /// <summary>Stages whose outputs are returned, ascending, each in <c>[0, num_stages)</c>.</summary>
    public IReadOnlyList<int> OutIndices { get; init; } = [0, 1, 2, 3];

    /// <summary>Stride of the first block of each stage.</summary>
    public IReadOnlyList<int> Strides { get; init; } = [1, 2, 2, 2];

    /// <summary>Dilation per stage; only 1 is supported (the benchmark never dilates).</summary>
    public IReadOnlyList<int> Dilations { get; init; } = [1, 1, 1, 1];

    /// <summary>Three-conv stem; not supported (unused by the benchmark).</summary>
    public bool DeepStem { get; init; }

    /// <summary>Average-pool shortcut downsampling; not supported (unused by the benchmark).</summary>
    public bool AvgDown { get; init; }

    /// <summary>Halve the first block's dilation in dilated stages; no effect while every dilation is 1.</summary>
    public bool ContractDilation { get; init; }

    public int StemChannels { get; init; } = 64;

    /// <summary>Width of the first stage; stage i has <c>base_channels · 2^i</c> channels.</summary>
    public int BaseChannels { get; init; } = 64;

    /// <summary>Number of stages to freeze; only -1 (none) is supported.</summary>
    public int FrozenStages { get; init; } = -1;

    /// <summary>Start every block's last BatchNorm at γ = 0.</summary>
    public bool ZeroInitResidual { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid or unsupported option.</summary>
    public void Validate()
    {
        if (NumLeads < 1) throw Invalid("num_leads", NumLeads, "expected at least 1");
        if (NumStages is < 1 or > 4) throw Invalid("num_stages", NumStages, "expected 1 to 4");
        if (StemChannels < 1) throw Invalid("stem_channels", StemChannels, "expected at least 1");
        if (BaseChannels < 1) throw Invalid("base_channels", BaseChannels, "expected at least 1");
        if (Strides.Count != NumStages) throw Invalid("strides", Format(Strides), $"expected {NumStages} values (one per stage)");
        if (Strides.Any(s => s < 1)) throw Invalid("strides", Format(Strides), "every stride must be at least 1");
        if (Dilations.Count != NumStages) throw Invalid("dilations", Format(Dilations), $"expected {NumStages} values (one per stage)");
        if (Dilations.Any(d => d != 1)) throw Invalid("dilations", Format(Dilations), "only dilation 1 is supported");
        if (OutIndices.Count == 0) throw Invalid("out_indices", Format(OutIndices), "expected at least one stage index");
        if (OutIndices.Any(i => i < 0 || i >= NumStages))
            throw Invalid("out_indices", Format(OutIndices), $"every index must be in [0, {NumStages})");
        for (int i = 1; i < OutIndices.Count; i++)
        {
            if (OutIndices[i] <= OutIndices[i - 1]) throw Invalid("out_indices", Format(OutIndices), "indices must be strictly ascending");
        }
        if (DeepStem) throw Invalid("deep_stem", true, "only false is supported");
        if (AvgDown) throw Invalid("avg_down", true, "only false is supported");
        if (FrozenStages != -1) throw Invalid("frozen_stages", FrozenStages, "only -1 (nothing frozen) is supported");
    }

    private static string Format(IReadOnlyList<int> values) => $"[{string.Join(", ", values)}]";

    private static ArgumentException Invalid(string field, object value, string expectation) =>
        new($"resnet backbone option '{field}' is {(value is bool b ? (b ? "true" : "false") : value)}: {expectation}");
}
