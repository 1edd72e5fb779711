using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Algorithms;

/// <summary>Each added method through the real trainer with its shipped config on tiny real LUDB: train, resume, test.</summary>
[Collection(TorchCollection.Name)]
public sealed class AlgorithmEndToEndTests
{
    [SkippableTheory]
    [InlineData("reco", new[] { "model", "model_ema" })]
    [InlineData("unimatch", new[] { "model" })]
    public void Should_Train_Resume_And_Test_With_The_Shipped_Config(string algorithm, string[] checkpointKeys)
    {
        using var output = new TempDirectory();
        var first = TinyLudb.Config($"resnet18/{algorithm}.yaml", output.Path, "train.epochs=1");

        var trained = ExperimentRunner.Train(first, NullTrainingObserver.Instance);
        var run = new RunDirectory(first.Config.RunDirectory);
        string last = run.Checkpoint(RunDirectory.Last);
        var second = TinyLudb.Config($"resnet18/{algorithm}.yaml", output.Path, "train.epochs=2", $"resume={last}");
        var resumed = ExperimentRunner.Train(second, NullTrainingObserver.Instance);
        var test = ExperimentRunner.Test(second);

        Assert.Single(trained.History);
        Assert.Single(resumed.History);
        Assert.Equal(1, resumed.History[0].Epoch);
        var averages = resumed.History[0].TrainAverages;
        Assert.All(averages.Values, v => Assert.True(double.IsFinite(v)));
        Assert.Contains(algorithm == "reco" ? "contr_loss" : "loss_u_w_fp", averages.Keys);
        var meta = CheckpointStore.ReadMetadata(last);
        Assert.Equal(algorithm, meta.Algorithm);
        Assert.Equal(1, meta.Epoch);
        Assert.Equal(checkpointKeys, meta.Networks);
        Assert.Equal(16, test.SampleCount);
        Assert.InRange(test.MeanIou, 0.0, 1.0);
        Assert.True(double.IsFinite(test.Loss));
    }
}
