namespace SemiSegEcg.Training;

/// <summary>Receives progress from the trainer (the CLI draws a progress bar; tests ignore it).</summary>
public interface ITrainingObserver
{
    void OnRunStarted(int startEpoch, int epochs, int stepsPerEpoch);

    void OnStep(int epoch, int step, int stepsPerEpoch, double loss, double lr);

    void OnValidation(int epoch);

    void OnEpochCompleted(EpochMetrics metrics, IReadOnlyList<string> improved);

    void OnMessage(string message);
}
