using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>A bad <c>--resume</c> checkpoint is refused before the run folder it points into is touched.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class ResumeValidationTests
{
    [Theory]
    [InlineData("not a zip")]
    [InlineData("wrong method")]
    public void Should_Refuse_A_Bad_Resume_Checkpoint_Without_Rewriting_The_Runs_Config(string kind)
    {
        using var output = new TempDirectory();
        var run = new RunDirectory(TinyLudb.Config("resnet18/scratch.yaml", output.Path).Config.RunDirectory);
        run.Create();
        const string original = "# the good run's config\n";
        File.WriteAllText(run.ConfigFile, original);
        string bad = output.File("bad.ckpt");
        if (kind == "not a zip")
        {
            File.WriteAllText(bad, "not a checkpoint");
        }
        else
        {
            var supervised = TinyLudb.Config("resnet18/scratch.yaml", output.File("other"), "train.epochs=1", "test=null");
            ExperimentRunner.Train(supervised, NullTrainingObserver.Instance);
            File.Copy(new RunDirectory(supervised.Config.RunDirectory).Checkpoint(RunDirectory.Last), bad);
        }
        var loaded = TinyLudb.Config("resnet18/fixmatch.yaml", output.Path, $"resume={bad}");

        var error = Assert.Throws<InvalidDataException>(() => ExperimentRunner.Train(loaded, NullTrainingObserver.Instance));

        Assert.StartsWith(bad, error.Message);
        Assert.Equal(original, File.ReadAllText(run.ConfigFile));
        Assert.Equal(["config.yaml"], Directory.GetFiles(run.Path).Select(Path.GetFileName));
    }
}
