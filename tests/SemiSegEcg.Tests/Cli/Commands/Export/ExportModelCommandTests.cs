using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Cli.Commands.Export;

/// <summary><c>semiseg export-model</c>: a run trained here becomes a compact model file that delineates like the run.</summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class ExportModelCommandTests
{
    [Fact]
    public void Should_Export_A_Run_As_A_Smaller_Weights_Only_Fp16_File_That_Delineates_Like_The_Run()
    {
        // Given: a run trained on real LUDB samples, whose last checkpoint holds optimizer and generator state
        using var output = new TempDirectory();
        var loaded = TinyLudb.Config("resnet18/scratch.yaml", output.Path, "test=null");
        ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);
        string run = loaded.Config.RunDirectory;
        string model = output.File("delineator.ckpt");

        // When
        var (exit, text) = CliRunner.Run("export-model", run, "--out", model, "--fp16");

        // Then
        Assert.Equal(0, exit);
        Assert.Contains("fp16 weights", text, StringComparison.Ordinal);
        var meta = CheckpointStore.ReadMetadata(model);
        Assert.True(meta.WeightsOnly);
        Assert.Equal(0, meta.OptimizerCount);
        Assert.NotNull(meta.Preprocessing);
        Assert.True(new FileInfo(model).Length * 2 < new FileInfo(new RunDirectory(run).Checkpoint(RunDirectory.Last)).Length);
        using var fromRun = TrainedModel.Load(run);
        using var fromFile = TrainedModel.Load(model);
        var recording = SemiSegEcg.Delineation.RecordingReader.Read(Path.Combine(SharedData.LudbRecords, "1"), leads: ["ii"]);
        byte[] runLabels = fromRun.CreateDelineator().Delineate(recording).Leads[0].Labels;
        byte[] fileLabels = fromFile.CreateDelineator().Delineate(recording).Leads[0].Labels;
        Assert.InRange(runLabels.Zip(fileLabels).Count(p => p.First != p.Second), 0, runLabels.Length / 1000);
        Assert.All(fromFile.Model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
    }

    [Fact]
    public void Should_Refuse_A_Pytorch_State_Dict_And_An_Output_That_Is_Not_A_Ckpt_Without_Writing()
    {
        using var output = new TempDirectory();
        string pth = Path.Combine(SharedData.BundledRoot, "reference", "resnet18_fcn_state_dict.pt");

        var (notCkpt, notCkptText) = CliRunner.Run("export-model", pth, "--out", output.File("model.pt"));
        var (fromPth, fromPthText) = CliRunner.Run("export-model", pth, "--out", output.File("model.ckpt"));

        Assert.Equal(1, notCkpt);
        Assert.Contains($"--out {output.File("model.pt")}: a model file ends in .ckpt", notCkptText, StringComparison.Ordinal);
        Assert.Equal(1, fromPth);
        Assert.Contains("only our .ckpt checkpoints (or run folders) carry the config", fromPthText, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }
}
