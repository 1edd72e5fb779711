namespace SemiSegEcg.Training;

/// <summary>A loss became NaN or infinite; the run stops and its last checkpoint (the last good epoch) is kept.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
