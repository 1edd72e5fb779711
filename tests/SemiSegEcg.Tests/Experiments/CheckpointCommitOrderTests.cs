using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// A run killed at any moment of writing an epoch's checkpoints resumes to exactly the uninterrupted run: the disk
/// state a kill leaves (after the last.ckpt rename, mid-write of the first checkpoint file, mid-copy to the next)
/// is rebuilt from the two runs' files, the run resumes from its last.ckpt, and its weights, best checkpoints and
/// TensorBoard scalars must equal the uninterrupted run's, with no temporary file left behind.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class CheckpointCommitOrderTests
{
    private const string Config = "resnet18/scratch.yaml";
    private static readonly string[] Budget = ["train.epochs=2", "test=null", "train.step_matched=true"];

    [Fact]
    public void Should_Resume_Exactly_From_A_Kill_After_Commit_Mid_Write_Or_Mid_Copy_And_Restore_A_Lost_Best()
    {
        using var straightDir = new TempDirectory();
        using var firstEpochDir = new TempDirectory();
        var straight = TinyLudb.Config(Config, straightDir.Path, Budget);
        var firstEpoch = TinyLudb.Config(Config, firstEpochDir.Path, Budget);
        var reference = ExperimentRunner.Train(straight, NullTrainingObserver.Instance);
        Assert.Throws<OperationCanceledException>(() => ExperimentRunner.Train(firstEpoch, new StopAfterFirstEpoch()));
        var straightRun = new RunDirectory(straight.Config.RunDirectory);
        var afterEpoch1 = new RunDirectory(firstEpoch.Config.RunDirectory);
        string? improvedInEpoch2 = new[] { RunDirectory.BestLoss, RunDirectory.BestMeanIou }
            .FirstOrDefault(n => CheckpointStore.ReadMetadata(straightRun.Checkpoint(n)).Epoch == 1);
        Assert.True(improvedInEpoch2 is not null, "the tiny run improved no validation metric in its second epoch");
        Assert.True(CheckpointStore.ReadMetadata(straightRun.Checkpoint(improvedInEpoch2!)).WeightsOnly);
        Assert.False(CheckpointStore.ReadMetadata(straightRun.Checkpoint(RunDirectory.Last)).WeightsOnly);

        // A kill right after last.ckpt's rename: epoch 1 committed, nothing of epoch 2.
        AssertResumesLikeTheStraightRun(afterEpoch1, _ => { }, reference, straightRun);
        // A kill mid-write of epoch 2's first file (a best checkpoint): a partial temporary file beside epoch 1's files.
        AssertResumesLikeTheStraightRun(afterEpoch1, run => PartialTemporary(straightRun.Checkpoint(improvedInEpoch2!), run), reference, straightRun);
        // A kill mid-copy: epoch 2's best is written, the copy to last.ckpt is half done.
        AssertResumesLikeTheStraightRun(afterEpoch1, run =>
        {
            File.Copy(straightRun.Checkpoint(improvedInEpoch2!), run.Checkpoint(improvedInEpoch2!), overwrite: true);
            PartialTemporary(straightRun.Checkpoint(RunDirectory.Last), run);
        }, reference, straightRun);

        // Before the commit order, a kill between last.ckpt and its copy lost the best file for good: resume restores it.
        using var lostBestDir = new TempDirectory();
        var lostBest = Copy(straightRun, lostBestDir.Path);
        File.Delete(lostBest.Checkpoint(improvedInEpoch2!));
        Resume(lostBest, straight.Config.RunDirectory);
        Assert.Equal(1, CheckpointStore.ReadMetadata(lostBest.Checkpoint(improvedInEpoch2!)).Epoch);
        Assert.True(CheckpointStore.ReadMetadata(lostBest.Checkpoint(improvedInEpoch2!)).WeightsOnly);
        CheckpointWeights.AssertEqual(lostBest.Checkpoint(RunDirectory.Last), lostBest.Checkpoint(improvedInEpoch2!), TinyLudb.Config(Config, Path.GetTempPath(), Budget).Config);
    }

    private static void AssertResumesLikeTheStraightRun(RunDirectory afterEpoch1, Action<RunDirectory> kill, TrainingOutcome reference, RunDirectory straightRun)
    {
        using var dir = new TempDirectory();
        var run = Copy(afterEpoch1, dir.Path);
        kill(run);

        var continued = Resume(run, afterEpoch1.Path);

        Assert.Equal(reference.History[1].MeanIou, continued.History[0].MeanIou);
        Assert.Equal(reference.History[1].TrainAverages["loss"], continued.History[0].TrainAverages["loss"]);
        Assert.Empty(Directory.GetFiles(run.Path, ".*.tmp"));
        foreach (string name in new[] { RunDirectory.BestLoss, RunDirectory.BestMeanIou, RunDirectory.Last })
        {
            Assert.Equal(CheckpointStore.ReadMetadata(straightRun.Checkpoint(name)).Epoch, CheckpointStore.ReadMetadata(run.Checkpoint(name)).Epoch);
            CheckpointWeights.AssertEqual(straightRun.Checkpoint(name), run.Checkpoint(name), TinyLudb.Config(Config, Path.GetTempPath(), Budget).Config);
        }
        var scalars = TensorBoardEventFiles.ReadScalars(run.Path);
        Assert.Equal(TensorBoardEventFiles.ReadScalars(straightRun.Path).Order(), scalars.Order());
    }

    private static TrainingOutcome Resume(RunDirectory run, string originalRunPath)
    {
        string outputDir = Path.GetDirectoryName(run.Path)!;
        Assert.Equal(Path.GetFileName(originalRunPath), Path.GetFileName(run.Path));
        var loaded = TinyLudb.Config(Config, outputDir, [.. Budget, $"resume={run.Checkpoint(RunDirectory.Last)}"]);
        return ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);
    }

    /// <summary>Copies a run folder (output_dir/exp_name) under another output dir.</summary>
    private static RunDirectory Copy(RunDirectory source, string outputDir)
    {
        string target = Path.Combine(outputDir, Path.GetFileName(source.Path));
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source.Path)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return new RunDirectory(target);
    }

    private static void PartialTemporary(string completeFile, RunDirectory run)
    {
        byte[] bytes = File.ReadAllBytes(completeFile);
        File.WriteAllBytes(Path.Combine(run.Path, $".{Path.GetFileName(completeFile)}.4242.0123456789abcdef.tmp"), bytes[..(bytes.Length / 2)]);
    }
}
