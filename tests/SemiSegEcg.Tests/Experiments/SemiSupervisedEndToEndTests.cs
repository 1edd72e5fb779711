using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>Each shipped semi-supervised config trains, checkpoints, resumes and tests on real LUDB samples (tiny budget).</summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class SemiSupervisedEndToEndTests
{
    [Theory]
    [InlineData("mean_teacher", new[] { "model", "model_ema" }, "loss_u_s")]
    [InlineData("fixmatch", new[] { "model" }, "mask_ratio")]
    [InlineData("cps", new[] { "model", "model2" }, "loss_total_2")]
    [InlineData("reco", new[] { "model", "model_ema" }, "contr_loss")]
    [InlineData("unimatch", new[] { "model" }, "loss_u_w_fp")]
    public void Should_Train_Resume_And_Test_With_The_Shipped_Config(string algorithm, string[] networks, string logged)
    {
        using var output = new TempDirectory();
        var first = TinyLudb.Config($"resnet18/{algorithm}.yaml", output.Path);
        var run = new RunDirectory(first.Config.RunDirectory);

        var epoch1 = ExperimentRunner.Train(first, NullTrainingObserver.Instance);
        var meta = CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last));
        var resumed = TinyLudb.Config($"resnet18/{algorithm}.yaml", output.Path, "train.epochs=2", $"resume={run.Checkpoint(RunDirectory.Last)}");
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
        Assert.Equal(16, test.SampleCount);
        Assert.Equal(1, CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last)).Epoch);
    }
}
