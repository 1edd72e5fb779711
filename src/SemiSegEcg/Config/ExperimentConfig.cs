using SemiSegEcg.Algorithms.Catalog;

namespace SemiSegEcg.Config;

/// <summary>
/// One experiment: the merged base + override YAML with command-line options on top (docs/reference/original-behaviour.md#configuration). Defaults are
/// the original's; keys the original has and we do not use (<c>use_amp</c>, <c>ddp</c>, <c>auxiliary_loss_weight</c>) are
/// accepted so its configs load unchanged.
/// </summary>
public sealed record ExperimentConfig
{
    public int Seed { get; init; }

    /// <summary>Parent of the run folder, relative to the current directory (shipped: <c>runs/&lt;backbone&gt;/&lt;algo&gt;</c>).</summary>
    public required string OutputDir { get; init; }

    /// <summary>Run name under <see cref="OutputDir"/> (bench overrides set e.g. <c>ludb/1over16</c>).</summary>
    public string? ExpName { get; init; }

    /// <summary>Checkpoint to resume from.</summary>
    public string? Resume { get; init; }

    public int StartEpoch { get; init; }

    /// <summary>Original default is cuda; our shipped configs say cpu. Either loads.</summary>
    public DeviceKind Device { get; init; } = DeviceKind.Cpu;

    /// <summary>Accepted for compatibility; there is no mixed precision on CPU.</summary>
    public bool UseAmp { get; init; }

    /// <summary>The training method <c>algorithm:</c> names, with the options bound from its own <c>train</c> keys.</summary>
    public required ConfiguredMethod Algorithm { get; init; }

    /// <summary><c>scratch</c>, or a mode that starts from <see cref="PretrainedBackbone"/>.</summary>
    public string Mode { get; init; } = "scratch";

    public string? PretrainedBackbone { get; init; }

    /// <summary>Keep the backbone's parameters as initialised or loaded: not trained, not in the optimizer.</summary>
    public bool FreezeBackbone { get; init; }

    /// <summary>Root for relative dataset directories (see <see cref="DatasetPaths"/>).</summary>
    public string? DataRoot { get; init; }

    /// <summary>Stored by the loader: the base config path as given.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Stored by the loader: the override config path as given, or null.</summary>
    public string? OverrideConfigPath { get; init; }

    /// <summary><c>{resnet18: {...}}</c> or <c>{vit_tiny: {...}}</c>; arguments bound by the model factory.</summary>
    public required NamedComponent Backbone { get; init; }

    /// <summary><c>{FCNHead: {...}}</c>; arguments bound by the model factory.</summary>
    public required NamedComponent DecodeHead { get; init; }

    /// <summary>Never used by the original's configs (docs/reference/original-behaviour.md#auxiliary-head).</summary>
    public IReadOnlyList<NamedComponent>? AuxiliaryHeads { get; init; }

    /// <summary>ReCo's latent projection head on the last backbone feature.</summary>
    public bool UseLatentProjection { get; init; }

    public int? ProjectionInDim { get; init; }

    public int? ProjectionOutDim { get; init; }

    public required DatasetConfig Dataset { get; init; }

    public DataloaderConfig Dataloader { get; init; } = new();

    public required TrainConfig Train { get; init; }

    public MetricConfig Metric { get; init; } = new();

    /// <summary>When present, the test split is evaluated after training (as the original does for a truthy <c>test</c> entry).</summary>
    public TestConfig? Test { get; init; }

    public DdpConfig Ddp { get; init; } = new();

    /// <summary><c>output_dir/exp_name</c> (just <c>output_dir</c> without a name), relative to the current directory.</summary>
    public string RunDirectory => string.IsNullOrEmpty(ExpName) ? OutputDir : Path.Combine(OutputDir, ExpName);
}
