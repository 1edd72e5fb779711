using SemiSegEcg.Training;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>Simulates an interruption: cancels the run once the first epoch's checkpoints are written (last.ckpt included).</summary>
public sealed class StopAfterFirstEpoch : ITrainingObserver
{
    public void OnRunStarted(int startEpoch, int epochs, int stepsPerEpoch) { }
    public void OnStep(int epoch, int step, int stepsPerEpoch, double loss, double lr) { }
    public void OnValidation(int epoch) { }
    public void OnEpochCompleted(EpochMetrics metrics, IReadOnlyList<string> improved) => throw new OperationCanceledException("interrupted");
    public void OnMessage(string message) { }
}
