namespace SemiSegEcg.Training;

/// <summary>How a training run ended.</summary>
/// <param name="EpochsCompleted">Epochs trained by this call (fewer than the budget after a resume or an early stop).</param>
/// <param name="StoppedEarly">Training ended before the budget because validation MeanIoU stopped improving (<c>train.early_stop_patience</c>).</param>
public sealed record TrainingOutcome(int EpochsCompleted, double BestLoss, double BestMeanIou, int BestMeanIouEpoch,
    IReadOnlyList<EpochMetrics> History, bool StoppedEarly = false);
