namespace SemiSegEcg.Training;

/// <summary>How a training run ended.</summary>
public sealed record TrainingOutcome(int EpochsCompleted, double BestLoss, double BestMeanIou, int BestMeanIouEpoch, IReadOnlyList<EpochMetrics> History);
