using SemiSegEcg.Config;

namespace SemiSegEcg.Training;

/// <summary>Everything the trainer needs to know that is not the method itself.</summary>
public sealed record TrainerSettings
{
    public int Epochs { get; init; } = 100;
    public double WarmupEpochs { get; init; } = 10;
    public double Lr { get; init; } = 1e-3;
    public double MinLr { get; init; } = 1e-4;
    public double WeightDecay { get; init; } = 0.05;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double Eps { get; init; } = 1e-8;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;
    public double Momentum { get; init; }
    public double? MaxNorm { get; init; }
    public double? LayerDecay { get; init; }
    public int BatchSize { get; init; } = 16;

    /// <summary>Iterations per optimizer step (<c>train.accum_iter</c>; see <see cref="GradientAccumulation"/>).</summary>
    public int AccumIter { get; init; } = 1;

    /// <summary>Drop each training loader's last partial batch (<c>dataloader.drop_last</c>; the original always does).</summary>
    public bool DropLast { get; init; } = true;

    public int Workers { get; init; } = 2;
    public long Seed { get; init; }
    /// <summary>Oversample the labeled set to the unlabeled set's size even for supervised training (docs/reference/original-behaviour.md#unequal-training-budgets).</summary>
    public bool StepMatched { get; init; }
    public bool FullBestCheckpoints { get; init; }
    public int? EarlyStopPatience { get; init; }
    /// <summary>Epoch numbers (1-based, as the original names them) after which <c>checkpoint-N</c> is kept (ST++).</summary>
    public IReadOnlyList<int> ExtraCheckpointEpochs { get; init; } = [];
    public string? ResumePath { get; init; }
    public string? Stage { get; init; }

    public static TrainerSettings From(ExperimentConfig config)
    {
        var train = config.Train;
        // The effective batch of the blr rule counts every iteration of an accumulation window (world size is 1).
        double lr = train.Lr ?? train.Blr!.Value * config.Dataloader.BatchSize * train.AccumIter / 256.0;
        return new TrainerSettings
        {
            Epochs = train.Epochs,
            WarmupEpochs = train.WarmupEpochs,
            Lr = lr,
            MinLr = train.MinLr,
            WeightDecay = train.WeightDecay,
            Beta1 = train.OptimizerKwargs.Betas[0],
            Beta2 = train.OptimizerKwargs.Betas[1],
            Eps = train.OptimizerKwargs.Eps,
            Optimizer = train.Optimizer,
            Momentum = train.OptimizerKwargs.Momentum,
            MaxNorm = train.MaxNorm,
            LayerDecay = train.LayerDecay,
            BatchSize = config.Dataloader.BatchSize,
            AccumIter = train.AccumIter,
            DropLast = config.Dataloader.DropLast ?? true,
            Workers = config.Dataloader.NumWorkers,
            Seed = config.Seed,
            StepMatched = train.StepMatched,
            FullBestCheckpoints = train.FullBestCheckpoints,
            EarlyStopPatience = train.EarlyStopPatience,
            ResumePath = config.Resume,
        };
    }
}
