namespace SemiSegEcg.Training;

/// <summary>An observer that ignores everything.</summary>
public sealed class NullTrainingObserver : ITrainingObserver
{
    public static NullTrainingObserver Instance { get; } = new();

    public void OnRunStarted(int startEpoch, int epochs, int stepsPerEpoch) { }
    public void OnStep(int epoch, int step, int stepsPerEpoch, double loss, double lr) { }
    public void OnValidation(int epoch) { }
    public void OnEpochCompleted(EpochMetrics metrics, IReadOnlyList<string> improved) { }
    public void OnMessage(string message) { }
}
