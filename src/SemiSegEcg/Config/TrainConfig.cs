namespace SemiSegEcg.Config;

/// <summary>
/// The <c>train</c> block (docs/reference/original-behaviour.md#optimisation, #train-block) as the trainer reads it: optimisation, budget and checkpoints. The same
/// mapping also holds the selected method's own keys (<c>conf_thresh</c>, <c>ema_decay</c>, ...); those are bound into
/// that method's options record (see <see cref="Algorithms.Catalog.MethodCatalog"/>), not here.
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
}
