using SemiSegEcg.Evaluation;
using SemiSegEcg.Experiments;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Experiments;

[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class SupervisedEndToEndTests
{
    [Fact]
    public void Should_Train_Test_And_Evaluate_On_Real_Ludb_Samples()
    {
        using var output = new TempDirectory();
        var loaded = TinyLudb.Config("resnet18/scratch.yaml", output.Path, "train.epochs=2");

        var outcome = ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);
        var test = ExperimentRunner.Test(loaded);

        var run = new RunDirectory(loaded.Config.RunDirectory);
        Assert.Equal(2, outcome.History.Count);
        foreach (string name in new[] { RunDirectory.BestLoss, RunDirectory.BestMeanIou, RunDirectory.Last })
            Assert.True(File.Exists(run.Checkpoint(name)), name);
        Assert.True(File.Exists(run.ConfigFile));
        Assert.Equal(2, RunLog.Read(run.LogFile).Count);
        Assert.NotEmpty(Directory.GetFiles(run.Path, "events.out.tfevents*", SearchOption.AllDirectories));
        Assert.Equal(new long[] { 16, 4, 2500 }, NpyFile.Read(run.TestOutputsFile).Shape);
        Assert.Equal(new long[] { 16, 4, 2500 }, NpyFile.Read(run.TestLabelsFile).Shape);
        Assert.StartsWith("MeanIoU,loss\n", File.ReadAllText(run.TestMetricsFile));
        Assert.InRange(test.MeanIou, 0.05, 1.0);

        var report = EvaluationReport.Compute(TestOutputsReader.ReadRunDirectory(run.Path));
        Assert.Equal(test.Report.PooledMeanIou, report.PooledMeanIou, 12);
        Assert.Equal(16, report.SampleCount);
        var meta = CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.Last));
        Assert.Equal(1, meta.Epoch);
        Assert.Contains("algorithm: base", CheckpointStore.ReadConfig(run.Checkpoint(RunDirectory.Last)));
    }

    [Fact]
    public void Should_Decrease_The_Training_Loss_On_Real_Data()
    {
        using var output = new TempDirectory();
        var loaded = TinyLudb.Config("resnet18/scratch.yaml", output.Path, "train.epochs=6", "train.warmup_epochs=1",
            "train.step_matched=true", "test=null");

        var outcome = ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);

        double first = outcome.History[0].TrainAverages["loss"];
        double last = outcome.History[^1].TrainAverages["loss"];
        Assert.True(last < 0.75 * first, $"training loss went from {first:0.000} to {last:0.000}");
        Assert.True(outcome.History[^1].MeanIou > outcome.History[0].MeanIou);
    }

    [Fact]
    public void Should_End_A_Resumed_Run_Exactly_Like_An_Uninterrupted_One() => EndToEndScenarios.ResumedRunEndsLikeUninterrupted(TinyLudb.Config);
}
