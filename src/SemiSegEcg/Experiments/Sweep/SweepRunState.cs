using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>
/// A run's progress read from its folder, and so what the sweep does next: finished runs are skipped, interrupted ones
/// resume from their <c>last.ckpt</c>, trained-but-untested ones are only tested.
/// </summary>
/// <param name="Checkpoint">The <c>last.ckpt</c> to resume from (or that proves training is complete); null when not started or finished.</param>
/// <param name="CompletedEpochs">Epochs done in <paramref name="Stage"/> (or in the run), per that checkpoint.</param>
/// <param name="Stage">Stage of the checkpoint for a method that trains in stages (ST++: <c>stage1</c>..<c>stage3</c>), else null.</param>
public sealed record SweepRunState(SweepRunStatus Status, string? Checkpoint = null, int CompletedEpochs = 0, string? Stage = null)
{
    public SweepAction Action => Status switch
    {
        SweepRunStatus.Finished => SweepAction.Skip,
        SweepRunStatus.Trained => SweepAction.Test,
        SweepRunStatus.Interrupted => SweepAction.Resume,
        _ => SweepAction.Train,
    };

    /// <summary>E.g. <c>interrupted at epoch 3/10</c>, <c>interrupted in stage2 at epoch 1/10</c>, <c>finished</c>.</summary>
    public string Describe(int epochs) => Status switch
    {
        SweepRunStatus.Finished => "finished",
        SweepRunStatus.Trained => "trained, not tested",
        SweepRunStatus.Interrupted when Stage is not null => $"interrupted in {Stage} at epoch {CompletedEpochs}/{epochs}",
        SweepRunStatus.Interrupted => $"interrupted at epoch {CompletedEpochs}/{epochs}",
        _ => "not started",
    };

    /// <summary>Reads the run folder (<see cref="SweepRun.RunDirectory"/>). Only checkpoint metadata is read, never weights.</summary>
    /// <exception cref="InvalidDataException">A <c>last.ckpt</c> exists but is not a readable checkpoint.</exception>
    public static SweepRunState Classify(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var dir = new RunDirectory(run.RunDirectory);
        if (File.Exists(dir.TestMetricsFile) && File.Exists(dir.TestOutputsFile)) return new SweepRunState(SweepRunStatus.Finished);

        // The latest stage with a last.ckpt is where the run stands; --resume with it skips the finished stages before it.
        var stages = run.Stages;
        for (int i = stages.Count - 1; i >= 0; i--)
        {
            var stage = stages[i];
            string last = (stage.Folder is null ? dir : new RunDirectory(dir.Combine(stage.Folder))).Checkpoint(RunDirectory.Last);
            if (!File.Exists(last)) continue;
            var meta = CheckpointStore.ReadMetadata(last);
            bool finalStage = i == stages.Count - 1 && meta.Stage == stage.Name;
            var status = finalStage && meta.CompletesTraining(run.Epochs) ? SweepRunStatus.Trained : SweepRunStatus.Interrupted;
            return new SweepRunState(status, last, meta.Epoch + 1, meta.Stage ?? stage.Name);
        }
        return new SweepRunState(SweepRunStatus.NotStarted);
    }
}
