using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Experiments;

[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class StPlusPlusEndToEndTests
{
    [Fact]
    public void Should_Run_Three_Stages_Rank_Reliability_Resume_And_Test_The_Final_Stage()
    {
        using var output = new TempDirectory();
        var loaded = TinyLudb.Config("resnet18/stpp.yaml", output.Path, "train.epochs=3");
        var run = new RunDirectory(loaded.Config.RunDirectory);

        var outcome = ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);

        foreach (int epoch in new[] { 1, 2, 3 })
            Assert.True(File.Exists(Path.Combine(run.Path, "stage1", $"checkpoint-{epoch}.ckpt")), $"checkpoint-{epoch}");
        Assert.Equal("stage2", CheckpointStore.ReadMetadata(Path.Combine(run.Path, "stage2", "best-MeanIoU.ckpt")).Stage);
        Assert.Equal("stage3", CheckpointStore.ReadMetadata(run.Checkpoint(RunDirectory.BestMeanIou)).Stage);
        Assert.Equal(3, outcome.History.Count);
        var reliability = File.ReadAllLines(Path.Combine(run.Path, "stage1", "reliability.csv"));
        Assert.Equal(33, reliability.Length);
        Assert.Equal(16, reliability.Skip(1).Count(l => !l.EndsWith(',')));

        // Resuming a finished run skips stages 1 and 2, and stage 3 trains nothing more (as any finished run's resume).
        var again = TinyLudb.Config("resnet18/stpp.yaml", output.Path, "train.epochs=3", $"resume={run.Checkpoint(RunDirectory.Last)}");
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
