namespace SemiSegEcg.Training;

/// <summary>One epoch's summary: training meter averages and validation results, as written to <c>log.txt</c>.</summary>
public sealed record EpochMetrics(int Epoch, IReadOnlyDictionary<string, double> TrainAverages, double ValidLoss, double MeanIou, double PooledMeanIou, TimeSpan Duration);
