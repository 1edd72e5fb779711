using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Experiments.Demo;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using Spectre.Console.Cli;

namespace SemiSegEcg.Tests.Experiments.Demo;

[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class DemoRunnerTests
{
    [Fact]
    public void Should_Generate_Train_Test_And_Delineate_Without_Any_Download()
    {
        using var output = new TempDirectory("demo");
        var options = new DemoOptions(output.Path, DataRoot: null, Path.Combine(SharedData.RepoRoot, "configs"), Records: 8, Epochs: 1);

        var outcome = DemoRunner.Run(options, NullTrainingObserver.Instance);

        Assert.Equal("synthetic", outcome.DataSource);
        Assert.True(outcome.Test.SampleCount > 0);
        Assert.True(File.Exists(outcome.PlotPath));
        Assert.Equal(12, outcome.Predicted.Leads.Count);
        Assert.True(outcome.Reference.Summary.BeatCount >= 5, "the held-out synthetic record has beats");
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory, "best-MeanIoU.ckpt")));
        Assert.Contains(outcome.WrittenFiles, f => f.EndsWith(".beats.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Run_Through_The_Cli_Command()
    {
        using var output = new TempDirectory("demo-cli");
        var app = new CommandApp();
        app.Configure(CommandRegistry.Configure);
        string previous = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(SharedData.RepoRoot);
            int exit = app.Run(["demo", "--out", output.Path, "--records", "6", "--epochs", "1", "--data_root", Path.Combine(output.Path, "no-data")]);
            Assert.Equal(0, exit);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
        Assert.NotEmpty(Directory.GetFiles(output.Path, "delineation_*.png"));
    }
}
