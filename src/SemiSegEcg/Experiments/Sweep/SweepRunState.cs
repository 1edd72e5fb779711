using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>
/// A run's progress read from its folder, and so what the sweep does next: finished runs are skipped, interrupted ones
/// resume from their <c>last.ckpt</c>, trained-but-untested ones are only tested.
/// </summary>
/// <param name="Checkpoint">The <c>last.ckpt</c> to resume from (or that proves training is complete); null when not started or finished.</param>
/// <param name="CompletedEpochs">Epochs done in <paramref name="Stage"/> (or in the run), per that checkpoint.</param>
/// <param name="Stage">ST++ stage of the checkpoint (<c>stage1</c>..<c>stage3</c>), else null.</param>
public sealed record SweepRunState(SweepRunStatus Status, string? Checkpoint = null, int CompletedEpochs = 0, string? Stage = null)
{
    /// <summary>ST++ trains its last stage in the run folder itself; the earlier ones in these sub-folders, latest first.</summary>
    private static readonly string[] StPlusPlusEarlierStages = ["stage2", "stage1"];
    private const string StPlusPlusFinalStage = "stage3";

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

        string last = dir.Checkpoint(RunDirectory.Last);
        if (File.Exists(last))
        {
            var meta = CheckpointStore.ReadMetadata(last);
            bool finalStage = !run.IsStPlusPlus || meta.Stage == StPlusPlusFinalStage;
            var status = finalStage && meta.CompletesTraining(run.Epochs) ? SweepRunStatus.Trained : SweepRunStatus.Interrupted;
            return new SweepRunState(status, last, meta.Epoch + 1, meta.Stage);
        }
        if (run.IsStPlusPlus)
        {
            // ST++ with --resume skips its finished stages and continues the unfinished one from that stage's last.ckpt,
            // whatever checkpoint path --resume names; naming the latest one keeps the command line truthful.
            foreach (string stage in StPlusPlusEarlierStages)
            {
                string stageLast = new RunDirectory(dir.Combine(stage)).Checkpoint(RunDirectory.Last);
                if (!File.Exists(stageLast)) continue;
                var meta = CheckpointStore.ReadMetadata(stageLast);
                return new SweepRunState(SweepRunStatus.Interrupted, stageLast, meta.Epoch + 1, meta.Stage ?? stage);
            }
        }
        return new SweepRunState(SweepRunStatus.NotStarted);
    }
}
