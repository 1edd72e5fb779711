using SemiSegEcg.Experiments.Sweep;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training.Checkpoints;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Experiments.Sweep;

/// <summary>Run folders fabricated in each state (real checkpoints from <see cref="CheckpointStore.Save"/>) and the command each one gets.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class SweepRunStateTests : IDisposable
{
    private const int Epochs = 5;
    private readonly TempDirectory _root = new("sweep-state");
    private static readonly SweepChildOptions Options = new(Threads: 1);

    public void Dispose() => _root.Dispose();

    private SweepRun Run(string algorithm = "scratch") => new("resnet18", algorithm, "ludb", 16, 0, "configs/base/resnet18/x.yaml",
        "configs/bench/ludb/1over16.yaml", Path.Combine(_root.Path, "resnet18", algorithm), "ludb/1over16/seed0", [], Epochs);

    private static void Checkpoint(string path, int epoch, string? stage = null, string algorithm = "base")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var model = nn.Linear(1, 1);
        var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, algorithm, epoch, new Dictionary<string, double> { ["loss"] = 1 },
            1, 0.5, ["model"], 0, stage, DateTimeOffset.UtcNow);
        CheckpointStore.Save(path, meta, "algorithm: base\n", [("model", model)], Array.Empty<GroupedOptimizer>());
    }

    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }

    [Fact]
    public void Should_Train_A_Run_That_Has_No_Checkpoint_Yet()
    {
        var run = Run();
        var empty = SweepRunState.Classify(run);
        Touch(Path.Combine(run.RunDirectory, "config.yaml"));
        Touch(Path.Combine(run.RunDirectory, "log.txt"));

        var killedInFirstEpoch = SweepRunState.Classify(run);

        Assert.Equal((SweepRunStatus.NotStarted, SweepAction.Train), (empty.Status, empty.Action));
        Assert.Equal(SweepAction.Train, killedInFirstEpoch.Action);
        var args = SweepCommandLine.ChildArguments(run, killedInFirstEpoch, Options);
        Assert.Equal("train", args[0]);
        Assert.DoesNotContain("--resume", args);
    }

    [Fact]
    public void Should_Skip_A_Run_With_Test_Metrics_And_Outputs()
    {
        var run = Run();
        Checkpoint(Path.Combine(run.RunDirectory, "last.ckpt"), epoch: 1);
        Touch(Path.Combine(run.RunDirectory, "test_metrics.csv"));
        Touch(Path.Combine(run.RunDirectory, "test_outputs.npy"));

        var state = SweepRunState.Classify(run);

        Assert.Equal((SweepRunStatus.Finished, SweepAction.Skip), (state.Status, state.Action));
        Assert.Throws<InvalidOperationException>(() => SweepCommandLine.ChildArguments(run, state, Options));
    }

    [Fact]
    public void Should_Resume_An_Interrupted_Run_From_Its_Last_Checkpoint()
    {
        var run = Run();
        string last = Path.Combine(run.RunDirectory, "last.ckpt");
        Checkpoint(last, epoch: 1);
        Touch(Path.Combine(run.RunDirectory, "test_metrics.csv"));

        var state = SweepRunState.Classify(run);

        Assert.Equal((SweepRunStatus.Interrupted, SweepAction.Resume, last, 2), (state.Status, state.Action, state.Checkpoint, state.CompletedEpochs));
        Assert.Equal("interrupted at epoch 2/5", state.Describe(run.Epochs));
        var args = SweepCommandLine.ChildArguments(run, state, Options);
        Assert.Equal("train", args[0]);
        Assert.Equal(["--resume", last], args.TakeLast(2));
    }

    [Fact]
    public void Should_Only_Test_A_Run_Whose_Training_Is_Complete()
    {
        var run = Run();
        Checkpoint(Path.Combine(run.RunDirectory, "last.ckpt"), epoch: Epochs - 1);
        Touch(Path.Combine(run.RunDirectory, "test_metrics.csv"));

        var state = SweepRunState.Classify(run);

        Assert.Equal((SweepRunStatus.Trained, SweepAction.Test), (state.Status, state.Action));
        var args = SweepCommandLine.ChildArguments(run, state, Options);
        Assert.Equal("test", args[0]);
        Assert.DoesNotContain("--resume", args);
    }

    [Fact]
    public void Should_Resume_St_Plus_Plus_From_Its_Latest_Unfinished_Stage()
    {
        var run = Run("stpp");
        string stage1 = Path.Combine(run.RunDirectory, "stage1", "last.ckpt");
        string stage2 = Path.Combine(run.RunDirectory, "stage2", "last.ckpt");
        string final = Path.Combine(run.RunDirectory, "last.ckpt");

        Checkpoint(stage1, epoch: 2, "stage1", "stpp");
        var inStage1 = SweepRunState.Classify(run);
        Checkpoint(stage1, epoch: Epochs - 1, "stage1", "stpp");
        Checkpoint(stage2, epoch: 0, "stage2", "stpp");
        var inStage2 = SweepRunState.Classify(run);
        Checkpoint(final, epoch: 3, "stage3", "stpp");
        var inStage3 = SweepRunState.Classify(run);
        Checkpoint(final, epoch: Epochs - 1, "stage3", "stpp");
        var trained = SweepRunState.Classify(run);

        Assert.Equal((SweepAction.Resume, stage1, "stage1", 3), (inStage1.Action, inStage1.Checkpoint, inStage1.Stage, inStage1.CompletedEpochs));
        Assert.Equal("interrupted in stage1 at epoch 3/5", inStage1.Describe(Epochs));
        Assert.Equal((SweepAction.Resume, stage2, "stage2"), (inStage2.Action, inStage2.Checkpoint, inStage2.Stage));
        Assert.Equal((SweepAction.Resume, final, "stage3"), (inStage3.Action, inStage3.Checkpoint, inStage3.Stage));
        Assert.Equal(SweepAction.Test, trained.Action);
        Assert.Equal(["--resume", stage2], SweepCommandLine.ChildArguments(run, inStage2, Options).TakeLast(2));
    }

    [Fact]
    public void Should_Report_An_Unreadable_Checkpoint_Instead_Of_Guessing()
    {
        var run = Run();
        string last = Path.Combine(run.RunDirectory, "last.ckpt");
        Touch(last);

        var planned = SweepPlannedRun.Of(run);

        Assert.Null(planned.State);
        Assert.Null(planned.Action);
        Assert.StartsWith(last, planned.Problem, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => SweepRunState.Classify(run));
    }
}
