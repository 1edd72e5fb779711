using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using SemiSegEcg.Training.Pipeline;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// The original's config keys that change a run, end to end on real LUDB: <c>train.accum_iter</c> and
/// <c>dataloader.drop_last</c> (with exact resume), <c>test.target_metric</c>, and <c>mode</c> /
/// <c>pretrained_backbone</c> / <c>freeze_backbone</c> through the trainer.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class ConfigKeysEndToEndTests
{
    private const string Config = "resnet18/scratch.yaml";

    [SkippableFact]
    public void Should_Keep_The_Partial_Batch_Accumulate_Gradients_And_Resume_Exactly()
    {
        // Step-matched: the 16 labeled samples oversampled to the 32 unlabeled; batch 12 → 12, 12 and a partial 8.
        string[] set = ["train.epochs=2", "test=null", "train.step_matched=true", "dataloader.batch_size=12", "dataloader.drop_last=false", "train.accum_iter=2"];
        using var straight = new TempDirectory();
        using var resumed = new TempDirectory();
        var full = TinyLudb.Config(Config, straight.Path, set);
        var observer = new RecordingObserver();

        var reference = ExperimentRunner.Train(full, observer);

        Assert.Equal(EpochPlan.Create(16, null, 32, 12, seed: 0, epoch: 0).Steps + 1, observer.StepsPerEpoch);
        Assert.Equal(3, observer.StepsPerEpoch);
        Assert.Contains("train.accum_iter 2: one optimizer step per 2 iterations, 1 per epoch (effective batch 24)", observer.Messages);
        // The LR is set at each window's first iteration and held through the window.
        Assert.Equal(6, observer.Lrs.Count);
        Assert.Equal(observer.Lrs[0], observer.Lrs[1]);
        Assert.NotEqual(observer.Lrs[1], observer.Lrs[2]);
        Assert.Equal(observer.Lrs[3], observer.Lrs[4]);
        Assert.NotEqual(observer.Lrs[4], observer.Lrs[5]);

        var firstHalf = TinyLudb.Config(Config, resumed.Path, set);
        Assert.Throws<OperationCanceledException>(() => ExperimentRunner.Train(firstHalf, new StopAfterFirstEpoch()));
        string last = new RunDirectory(firstHalf.Config.RunDirectory).Checkpoint(RunDirectory.Last);
        var secondHalf = TinyLudb.Config(Config, resumed.Path, [.. set, $"resume={last}"]);
        var continued = ExperimentRunner.Train(secondHalf, NullTrainingObserver.Instance);

        Assert.Single(continued.History);
        Assert.Equal(reference.History[1].ValidLoss, continued.History[0].ValidLoss);
        Assert.Equal(reference.History[1].TrainAverages["loss"], continued.History[0].TrainAverages["loss"]);
        CheckpointWeights.AssertEqual(Path.Combine(full.Config.RunDirectory, "last.ckpt"), Path.Combine(secondHalf.Config.RunDirectory, "last.ckpt"), full.Config);
    }

    [SkippableFact]
    public void Should_Refuse_An_Accumulation_Window_Longer_Than_An_Epoch()
    {
        using var output = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() =>
            ExperimentRunner.Train(TinyLudb.Config(Config, output.Path, "train.accum_iter=2", "test=null"), NullTrainingObserver.Instance));

        Assert.Equal("train.accum_iter is 2 but an epoch has only 1 iteration(s): no optimizer step would ever be taken (lower accum_iter or dataloader.batch_size)",
            error.Message);
    }

    [SkippableFact]
    public void Should_Test_The_Best_Checkpoint_Of_The_Target_Metric()
    {
        using var output = new TempDirectory();
        var byLoss = TinyLudb.Config(Config, output.Path, "test.target_metric=loss");
        ExperimentRunner.Train(byLoss, NullTrainingObserver.Instance);
        var run = new RunDirectory(byLoss.Config.RunDirectory);
        File.Delete(run.Checkpoint(RunDirectory.BestMeanIou));

        var tested = ExperimentRunner.Test(byLoss);
        var byMeanIou = Assert.Throws<FileNotFoundException>(() => ExperimentRunner.Test(TinyLudb.Config(Config, output.Path)));

        Assert.Equal(run.Checkpoint(RunDirectory.BestLoss), tested.ModelPath);
        Assert.StartsWith(run.Checkpoint(RunDirectory.BestMeanIou), byMeanIou.Message);
    }

    [SkippableFact]
    public void Should_Fine_Tune_A_Frozen_Pretrained_Backbone_And_Train_Only_The_Head()
    {
        using var output = new TempDirectory();
        // No warm-up, so the first step already moves the weights (a warm-up starts at lr 0).
        var source = TinyLudb.Config(Config, output.Path, "exp_name=source", "test=null", "train.warmup_epochs=0");
        ExperimentRunner.Train(source, NullTrainingObserver.Instance);
        string sourceCheckpoint = new RunDirectory(source.Config.RunDirectory).Checkpoint(RunDirectory.Last);
        var tuned = TinyLudb.Config(Config, output.Path, "exp_name=tuned", "test=null", "train.warmup_epochs=0", "seed=1",
            "mode=finetune", $"pretrained_backbone={sourceCheckpoint}", "freeze_backbone=true");
        var observer = new RecordingObserver();
        using var model = ExperimentModels.Create(tuned.Config);
        int tensors = model.Backbone.state_dict().Count;

        ExperimentRunner.Train(tuned, observer);

        Assert.Contains($"pretrained_backbone: loaded {tensors} of the backbone's {tensors} tensors from {sourceCheckpoint}; the decode head is freshly initialised",
            observer.Messages);
        Assert.Contains(observer.Messages, m => m.StartsWith("freeze_backbone: the backbone's 3,843,904 parameters are frozen", StringComparison.Ordinal));
        var before = CheckpointStore.ReadNetworkState(sourceCheckpoint, "model");
        var after = CheckpointStore.ReadNetworkState(new RunDirectory(tuned.Config.RunDirectory).Checkpoint(RunDirectory.Last), "model");
        foreach (var (name, parameter) in model.named_parameters())
        {
            bool same = before[name].equal(after[name]).all().item<bool>();
            if (name.StartsWith("backbone.", StringComparison.Ordinal)) Assert.True(same, $"{name} is not the pretrained one");
            else if (parameter.dim() > 1) Assert.False(same, $"{name} of the head is the source's");
        }
        foreach (var tensor in before.Values.Concat(after.Values)) tensor.Dispose();
    }

    private sealed class RecordingObserver : ITrainingObserver
    {
        public int StepsPerEpoch { get; private set; }
        public List<double> Lrs { get; } = [];
        public List<string> Messages { get; } = [];

        public void OnRunStarted(int startEpoch, int epochs, int stepsPerEpoch) => StepsPerEpoch = stepsPerEpoch;
        public void OnStep(int epoch, int step, int stepsPerEpoch, double loss, double lr) => Lrs.Add(lr);
        public void OnValidation(int epoch) { }
        public void OnEpochCompleted(EpochMetrics metrics, IReadOnlyList<string> improved) { }
        public void OnMessage(string message) => Messages.Add(message);
    }
}
