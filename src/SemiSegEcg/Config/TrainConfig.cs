namespace SemiSegEcg.Config;

/// <summary>
/// The <c>train</c> block (docs/reference/original-behaviour.md#optimisation, docs/reference/original-behaviour.md#train-block): optimisation plus the algorithm-specific settings. Algorithm settings have
/// the shipped values as defaults (EMA decay: the original code's default 0.999; shipped configs say 0.99).
/// </summary>
public sealed record TrainConfig
{
    public int Epochs { get; init; } = 100;

    public int WarmupEpochs { get; init; } = 10;

    /// <summary>Iterations whose gradients are accumulated into one optimizer step (Training.GradientAccumulation).</summary>
    public int AccumIter { get; init; } = 1;

    /// <summary>Base LR; when null, <c>lr = blr · effective_batch / 256</c>.</summary>
    public double? Lr { get; init; } = 1e-3;

    public double? Blr { get; init; }

    public double MinLr { get; init; } = 1e-4;

    public double WeightDecay { get; init; } = 0.05;

    /// <summary>Gradient-norm clip; null = no clipping.</summary>
    public double? MaxNorm { get; init; }

    /// <summary>Layer-wise LR decay (ViT only); null = off.</summary>
    public double? LayerDecay { get; init; }

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    public OptimizerKwargs OptimizerKwargs { get; init; } = new();

    /// <summary>Accepted, never read (as in the original, docs/reference/original-behaviour.md#auxiliary-head).</summary>
    public IReadOnlyList<double>? AuxiliaryLossWeight { get; init; }

    /// <summary>Supervised baseline: train as many optimizer steps as the SSL runs (docs/reference/original-behaviour.md#unequal-training-budgets) instead of one pass over the labeled set.</summary>
    public bool StepMatched { get; init; }

    /// <summary>
    /// Keep optimizer and generator state in <c>best-loss.ckpt</c> and <c>best-MeanIoU.ckpt</c> too (to resume from a
    /// best epoch); by default they hold the weights only, a third of the size, and <c>last.ckpt</c> keeps what resume needs.
    /// </summary>
    public bool FullBestCheckpoints { get; init; }

    /// <summary>
    /// Stop after this many epochs without a better validation MeanIoU (the tested checkpoint can no longer change
    /// unless a later epoch beats it); null = train every epoch. The schedule stays the full budget's.
    /// </summary>
    public int? EarlyStopPatience { get; init; }

    /// <summary>FixMatch / ReCo / UniMatch pseudo-label confidence threshold.</summary>
    public double ConfThresh { get; init; } = 0.80;

    /// <summary>Mean Teacher / ReCo teacher EMA decay.</summary>
    public double EmaDecay { get; init; } = 0.999;

    /// <summary>ReCo: teacher confidence for a position to be "valid". The original spells the key <c>eash_conf_thresh</c>.</summary>
    [ConfigAlias("eash_conf_thresh")]
    public double EasyConfThresh { get; init; } = 0.65;

    /// <summary>ReCo: student confidence below which a valid position is a "hard" query.</summary>
    public double HardConfThresh { get; init; } = 0.80;

    /// <summary>ReCo contrastive temperature.</summary>
    public double ContrTemp { get; init; } = 0.25;

    public int ContrNumQueries { get; init; } = 256;

    public int ContrNumNegatives { get; init; } = 512;

    /// <summary>ST++: reproduce the original's broken reliable-sample selection (docs/reference/original-behaviour.md#st-stpp-selection-bug) instead of the fixed one.</summary>
    public bool StppReferenceSelection { get; init; }

    /// <summary>UniMatch: dropout rate of the feature-perturbed stream.</summary>
    public double FeatureDropout { get; init; } = 0.5;

    /// <summary>UniMatch loss weights (labeled, strong 1, strong 2, feature-perturbed); null = the paper's (1, 0.25, 0.25, 0.5).</summary>
    public IReadOnlyList<double>? LossWeights { get; init; }

    /// <summary>UniMatch: CutMix along time between samples of the batch in both strong views (the paper's CutMix, made 1-D).</summary>
    public bool UnimatchCutmix { get; init; }
}
