using SemiSegEcg.Experiments;
using SemiSegEcg.Experiments.Sweep;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// <c>train.early_stop_patience</c> on real LUDB: the stopped run is exactly the first epochs of the same run without
/// early stopping, ends where the rule says on that run's own MeanIoU curve, is marked complete in its last.ckpt (the
/// sweep tests it instead of resuming it), and a resume trains nothing more.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class EarlyStoppingEndToEndTests
{
    private const string Config = "resnet18/scratch.yaml";
    private const int Epochs = 6;
    private const int Patience = 1;
    // A learning rate too small to move the weights: only batch-norm statistics change the predictions, so the
    // validation MeanIoU plateaus within a few epochs and the rule has something to stop.
    private static readonly string[] Budget = [$"train.epochs={Epochs}", "test=null", "train.lr=1e-9", "train.min_lr=0"];

    [Fact]
    public void Should_Stop_Where_The_Full_Runs_Curve_Says_And_Stay_Stopped_On_Resume()
    {
        using var fullDir = new TempDirectory();
        using var stoppedDir = new TempDirectory();
        var full = ExperimentRunner.Train(TinyLudb.Config(Config, fullDir.Path, Budget), NullTrainingObserver.Instance);
        var stoppedConfig = TinyLudb.Config(Config, stoppedDir.Path, [.. Budget, $"train.early_stop_patience={Patience}"]);
        var stopped = ExperimentRunner.Train(stoppedConfig, NullTrainingObserver.Instance);

        int expectedLastEpoch = ExpectedStop(full.History.Select(h => h.MeanIou).ToList());
        Assert.True(expectedLastEpoch < Epochs - 1, "the tiny run improved its MeanIoU every epoch; the test needs a plateau");
        Assert.True(stopped.StoppedEarly);
        Assert.False(full.StoppedEarly);
        Assert.Equal(expectedLastEpoch + 1, stopped.EpochsCompleted);
        for (int e = 0; e <= expectedLastEpoch; e++)
        {
            Assert.Equal(full.History[e].MeanIou, stopped.History[e].MeanIou);
            Assert.Equal(full.History[e].TrainAverages["loss"], stopped.History[e].TrainAverages["loss"]);
        }
        Assert.Equal(full.BestMeanIouEpoch, stopped.BestMeanIouEpoch);

        var run = new RunDirectory(stoppedConfig.Config.RunDirectory);
        var last = CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last));
        Assert.True(last.StoppedEarly);
        Assert.Equal(expectedLastEpoch, last.Epoch);
        Assert.True(last.CompletesTraining(Epochs));
        var sweepRun = new SweepRun("resnet18", "scratch", "ludb", 16, 0, "", "", stoppedDir.Path, Path.GetFileName(run.Path), [], Epochs);
        Assert.Equal(SweepAction.Test, SweepRunState.Classify(sweepRun).Action);

        var resumed = ExperimentRunner.Train(TinyLudb.Config(Config, stoppedDir.Path,
            [.. Budget, $"train.early_stop_patience={Patience}", $"resume={run.Checkpoint(RunDirectory.Last)}"]), NullTrainingObserver.Instance);
        Assert.Equal(0, resumed.EpochsCompleted);
        Assert.True(resumed.StoppedEarly);
        Assert.Equal(expectedLastEpoch + 1, RunLog.Read(run.LogFile).Count);
    }

    /// <summary>The 0-based epoch after which the rule stops, from a full curve; the last epoch when it never does.</summary>
    private static int ExpectedStop(IReadOnlyList<double> meanIou)
    {
        int best = 0;
        for (int e = 0; e < meanIou.Count; e++)
        {
            if (meanIou[e] > meanIou[best]) best = e;
            if (e - best >= Patience) return e;
        }
        return meanIou.Count - 1;
    }
}
