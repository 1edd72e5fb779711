using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>A shipped base config loaded onto small test data (<see cref="TinyLudb.Config"/>, <see cref="TinySynthetic.Config"/>).</summary>
public delegate LoadedConfig TinyConfig(string baseConfig, string outputDir, params string[] set);

/// <summary>
/// The end-to-end runs the suite makes on both real (bundled LUDB) and generated data, with their assertions: a resumed
/// run ends exactly like an uninterrupted one; each semi-supervised method trains, resumes and tests; ST++ runs its
/// three stages and skips finished ones on resume.
/// </summary>
public static class EndToEndScenarios
{
    /// <summary>Each shipped semi-supervised method: its algorithm name, the networks it checkpoints, a loss only it logs.</summary>
    public static TheoryData<string, string[], string> SemiSupervisedMethods => new()
    {
        { "mean_teacher", ["model", "model_ema"], "loss_u_s" },
        { "fixmatch", ["model"], "mask_ratio" },
        { "cps", ["model", "model2"], "loss_total_2" },
        { "reco", ["model", "model_ema"], "contr_loss" },
        { "unimatch", ["model"], "loss_u_w_fp" },
    };

    public static void ResumedRunEndsLikeUninterrupted(TinyConfig tiny)
    {
        using var straight = new TempDirectory();
        using var resumed = new TempDirectory();
        var full = tiny("resnet18/scratch.yaml", straight.Path, "train.epochs=2", "test=null", "train.step_matched=true");
        var firstHalf = tiny("resnet18/scratch.yaml", resumed.Path, "train.epochs=2", "test=null", "train.step_matched=true");

        var reference = ExperimentRunner.Train(full, NullTrainingObserver.Instance);
        Assert.Throws<OperationCanceledException>(() => ExperimentRunner.Train(firstHalf, new StopAfterFirstEpoch()));
        string last = new RunDirectory(firstHalf.Config.RunDirectory).Checkpoint(RunDirectory.Last);
        var secondHalf = tiny("resnet18/scratch.yaml", resumed.Path, "train.epochs=2", "test=null",
            "train.step_matched=true", $"resume={last}");
        var continued = ExperimentRunner.Train(secondHalf, NullTrainingObserver.Instance);

        Assert.Single(continued.History);
        Assert.Equal(reference.History[1].ValidLoss, continued.History[0].ValidLoss);
        Assert.Equal(reference.History[1].MeanIou, continued.History[0].MeanIou);
        Assert.Equal(reference.History[1].TrainAverages["loss"], continued.History[0].TrainAverages["loss"]);
        CheckpointWeights.AssertEqual(Path.Combine(full.Config.RunDirectory, "last.ckpt"), Path.Combine(secondHalf.Config.RunDirectory, "last.ckpt"), full.Config);
    }

    public static void SemiSupervisedTrainsResumesAndTests(TinyConfig tiny, int testSamples, string algorithm, string[] networks, string logged)
    {
        using var output = new TempDirectory();
        var first = tiny($"resnet18/{algorithm}.yaml", output.Path);
        var run = new RunDirectory(first.Config.RunDirectory);

        var epoch1 = ExperimentRunner.Train(first, NullTrainingObserver.Instance);
        var meta = CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last));
        var resumed = tiny($"resnet18/{algorithm}.yaml", output.Path, "train.epochs=2", $"resume={run.Checkpoint(RunDirectory.Last)}");
        var epoch2 = ExperimentRunner.Train(resumed, NullTrainingObserver.Instance);
        var test = ExperimentRunner.Test(resumed);

        Assert.Equal(networks, meta.Networks);
        Assert.Equal(0, meta.Epoch);
        Assert.Equal(1, epoch2.History.Single().Epoch);
        Assert.True(epoch1.History[0].TrainAverages.ContainsKey(logged));
        Assert.All(epoch2.History[0].TrainAverages.Values, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(algorithm, meta.Algorithm);
        Assert.True(double.IsFinite(epoch2.History[0].ValidLoss));
        Assert.Equal(2, RunLog.Read(run.LogFile).Count);
        Assert.Equal(testSamples, test.SampleCount);
        Assert.Equal(1, CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last)).Epoch);
    }

    public static void StPlusPlusRunsThreeStagesAndResumesPastThem(TinyConfig tiny, int unlabeledSamples)
    {
        using var output = new TempDirectory();
        var loaded = tiny("resnet18/stpp.yaml", output.Path, "train.epochs=3");
        var run = new RunDirectory(loaded.Config.RunDirectory);

        var outcome = ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);

        foreach (int epoch in new[] { 1, 2, 3 })
            Assert.True(File.Exists(Path.Combine(run.Path, "stage1", $"checkpoint-{epoch}.ckpt")), $"checkpoint-{epoch}");
        Assert.Equal("stage2", CheckpointStore.ReadMetadata(Path.Combine(run.Path, "stage2", "best-MeanIoU.ckpt")).Stage);
        Assert.Equal("stage3", CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.BestMeanIou)).Stage);
        Assert.Equal(3, outcome.History.Count);
        var reliability = File.ReadAllLines(Path.Combine(run.Path, "stage1", "reliability.csv"));
        Assert.Equal(unlabeledSamples + 1, reliability.Length);
        Assert.Equal(unlabeledSamples / 2, reliability.Skip(1).Count(l => !l.EndsWith(',')));

        // Resuming a finished run skips stages 1 and 2, and stage 3 trains nothing more (as any finished run's resume).
        var again = tiny("resnet18/stpp.yaml", output.Path, "train.epochs=3", $"resume={run.Checkpoint(RunDirectory.Last)}");
        var messages = new List<string>();
        var resumed = ExperimentRunner.Train(again, new MessageRecorder(messages));
        Assert.Equal(0, resumed.EpochsCompleted);
        Assert.Contains(messages, m => m.StartsWith("stage1 already complete", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("stage2 already complete", StringComparison.Ordinal));
        Assert.Equal(reliability, File.ReadAllLines(Path.Combine(run.Path, "stage1", "reliability.csv")));

        var test = ExperimentRunner.Test(loaded);
        Assert.Equal(run.Checkpoint(RunDirectory.BestMeanIou), test.ModelPath);
    }

    /// <summary>Keeps the trainer's and the stages' messages.</summary>
    private sealed class MessageRecorder(List<string> messages) : ITrainingObserver
    {
        public void OnRunStarted(int startEpoch, int epochs, int stepsPerEpoch) { }

        public void OnStep(int epoch, int step, int stepsPerEpoch, double loss, double lr) { }

        public void OnValidation(int epoch) { }

        public void OnEpochCompleted(EpochMetrics metrics, IReadOnlyList<string> improved) { }

        public void OnMessage(string message) => messages.Add(message);
    }
}
