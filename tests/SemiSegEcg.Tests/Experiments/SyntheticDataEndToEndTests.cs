using SemiSegEcg.Experiments;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// The resume-exactness, semi-supervised and ST++ end-to-end checks again on generated data (<see cref="TinySynthetic"/>),
/// so they hold with nothing outside the code: each shipped config trains, checkpoints, resumes and tests.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class SyntheticDataEndToEndTests
{
    [Fact]
    public void Should_End_A_Resumed_Run_Exactly_Like_An_Uninterrupted_One()
    {
        using var straight = new TempDirectory();
        using var resumed = new TempDirectory();
        string[] set = ["train.epochs=2", "test=null", "train.step_matched=true"];
        var full = TinySynthetic.Config("resnet18/scratch.yaml", straight.Path, set);
        var firstHalf = TinySynthetic.Config("resnet18/scratch.yaml", resumed.Path, set);

        var reference = ExperimentRunner.Train(full, NullTrainingObserver.Instance);
        Assert.Throws<OperationCanceledException>(() => ExperimentRunner.Train(firstHalf, new StopAfterFirstEpoch()));
        string last = new RunDirectory(firstHalf.Config.RunDirectory).Checkpoint(RunDirectory.Last);
        var secondHalf = TinySynthetic.Config("resnet18/scratch.yaml", resumed.Path, [.. set, $"resume={last}"]);
        var continued = ExperimentRunner.Train(secondHalf, NullTrainingObserver.Instance);

        Assert.Equal(2, reference.History.Count);
        Assert.Single(continued.History);
        Assert.Equal(reference.History[1].ValidLoss, continued.History[0].ValidLoss);
        Assert.Equal(reference.History[1].MeanIou, continued.History[0].MeanIou);
        Assert.Equal(reference.History[1].TrainAverages["loss"], continued.History[0].TrainAverages["loss"]);
        CheckpointWeights.AssertEqual(Path.Combine(full.Config.RunDirectory, "last.ckpt"), Path.Combine(secondHalf.Config.RunDirectory, "last.ckpt"), full.Config);
    }

    [Theory]
    [InlineData("mean_teacher", new[] { "model", "model_ema" }, "loss_u_s")]
    [InlineData("fixmatch", new[] { "model" }, "mask_ratio")]
    [InlineData("cps", new[] { "model", "model2" }, "loss_total_2")]
    [InlineData("reco", new[] { "model", "model_ema" }, "contr_loss")]
    [InlineData("unimatch", new[] { "model" }, "loss_u_w_fp")]
    public void Should_Train_Resume_And_Test_Each_Semi_Supervised_Method(string algorithm, string[] networks, string logged)
    {
        using var output = new TempDirectory();
        var first = TinySynthetic.Config($"resnet18/{algorithm}.yaml", output.Path);
        var run = new RunDirectory(first.Config.RunDirectory);

        var epoch1 = ExperimentRunner.Train(first, NullTrainingObserver.Instance);
        var meta = CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last));
        var resumed = TinySynthetic.Config($"resnet18/{algorithm}.yaml", output.Path, "train.epochs=2", $"resume={run.Checkpoint(RunDirectory.Last)}");
        var epoch2 = ExperimentRunner.Train(resumed, NullTrainingObserver.Instance);
        var test = ExperimentRunner.Test(resumed);

        Assert.Equal(algorithm, meta.Algorithm);
        Assert.Equal(networks, meta.Networks);
        Assert.Equal(0, meta.Epoch);
        Assert.True(epoch1.History[0].TrainAverages.ContainsKey(logged));
        Assert.Equal(1, epoch2.History.Single().Epoch);
        Assert.All(epoch2.History[0].TrainAverages.Values, v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsFinite(epoch2.History[0].ValidLoss));
        Assert.Equal(2, RunLog.Read(run.LogFile).Count);
        Assert.Equal(TinySynthetic.Test, test.SampleCount);
        Assert.Equal(1, CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last)).Epoch);
    }

    [Fact]
    public void Should_Run_The_Three_St_Plus_Plus_Stages_Keep_The_Reliable_Half_And_Skip_Finished_Stages_On_Resume()
    {
        using var output = new TempDirectory();
        var loaded = TinySynthetic.Config("resnet18/stpp.yaml", output.Path, "train.epochs=3");
        var run = new RunDirectory(loaded.Config.RunDirectory);

        var outcome = ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);

        Assert.Equal(3, outcome.History.Count);
        foreach (int epoch in new[] { 1, 2, 3 })
            Assert.True(File.Exists(Path.Combine(run.Path, "stage1", $"checkpoint-{epoch}.ckpt")), $"checkpoint-{epoch}");
        Assert.Equal("stage2", CheckpointStore.ReadMetadata(Path.Combine(run.Path, "stage2", "best-MeanIoU.ckpt")).Stage);
        Assert.Equal("stage3", CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.BestMeanIou)).Stage);
        var reliability = File.ReadAllLines(Path.Combine(run.Path, "stage1", "reliability.csv"));
        Assert.Equal(TinySynthetic.Unlabeled + 1, reliability.Length);
        Assert.Equal(TinySynthetic.Unlabeled / 2, reliability.Skip(1).Count(l => !l.EndsWith(',')));

        var again = TinySynthetic.Config("resnet18/stpp.yaml", output.Path, "train.epochs=3", $"resume={run.Checkpoint(RunDirectory.Last)}");
        var resumed = ExperimentRunner.Train(again, NullTrainingObserver.Instance);
        var test = ExperimentRunner.Test(loaded);

        Assert.Equal(0, resumed.EpochsCompleted);
        Assert.Equal(reliability, File.ReadAllLines(Path.Combine(run.Path, "stage1", "reliability.csv")));
        Assert.Equal(run.Checkpoint(RunDirectory.BestMeanIou), test.ModelPath);
        Assert.Equal(TinySynthetic.Test, test.SampleCount);
    }
}
