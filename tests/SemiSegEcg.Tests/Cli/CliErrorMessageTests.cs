using SemiSegEcg.Cli;
using SemiSegEcg.Tests.Experiments.Reporting;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Cli;

/// <summary>The messages a new user meets first: each names the thing to fix and how, exit 1, nothing written.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class CliErrorMessageTests : IDisposable
{
    private static readonly string Configs = Path.Combine(SharedData.RepoRoot, "configs");
    private readonly TempDirectory _tmp = new("cli-errors");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Should_Name_Data_Root_And_Semiseg_Data_When_No_Data_Root_Is_Given()
    {
        // SEMISEG_DATA, if this machine sets it, is cleared for the test (test collections do not run in parallel)
        string output = _tmp.File("runs");
        string? environment = Environment.GetEnvironmentVariable("SEMISEG_DATA");
        Environment.SetEnvironmentVariable("SEMISEG_DATA", null);
        (int Exit, string Text) result;
        try
        {
            result = CliRunner.Run("train", "-f", Path.Combine(Configs, "base/resnet18/scratch.yaml"),
                "-o", Path.Combine(Configs, "bench/ludb/1over16.yaml"), "--output_dir", output, "--epochs", "1");
        }
        finally
        {
            Environment.SetEnvironmentVariable("SEMISEG_DATA", environment);
        }
        var (exit, text) = result;
        var (fromOption, optionText) = CliRunner.Run("train", "-f", Path.Combine(Configs, "base/resnet18/scratch.yaml"),
            "-o", Path.Combine(Configs, "bench/ludb/1over16.yaml"), "--output_dir", output, "--epochs", "1", "--data_root", _tmp.File("empty"));

        Assert.Equal((1, 1), (exit, fromOption));
        Assert.Contains($"the data root {_tmp.File("empty")} (from --data_root) has no such file", optionText);
        Assert.Contains("LUDB_train_labeled_1over16.csv: index file not found (dataset.train_labeled_csv); no data root is set", text);
        Assert.Contains("pass --data_root DIR (or set SEMISEG_DATA)", text);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Should_Say_What_A_Run_Folder_Is_And_Point_To_Report_When_Evaluating_A_Parent()
    {
        string root = _tmp.File("runs");
        FabricatedRuns.Write(root, "resnet18", "scratch", "ludb/1over16.yaml", seed: 0);
        FabricatedRuns.Write(root, "resnet18", "fixmatch", "ludb/1over16.yaml", seed: 0);

        var (exit, text) = CliRunner.Run("evaluate", root);

        Assert.Equal(1, exit);
        Assert.Contains($"{root}: not a run folder (a run folder holds test_outputs.npy and test_labels.npy", text);
        Assert.Contains($"it holds 2 tested run(s) below it: pass those folders, or tabulate them all with `semiseg report {root}`", text);
    }

    [Fact]
    public void Should_Print_Our_Version_Commit_And_The_Torch_Versions()
    {
        var (exit, text) = CliRunner.Run("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^semiseg \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}|unknown)\) · TorchSharp 0\.107\.0 · libtorch 2\.10\.0", text.Trim());
    }

    [Fact]
    public void Should_Keep_Framework_Text_Out_Of_Argument_Errors()
    {
        var (exit, text) = (UserErrors.MessageOf(new ArgumentException("rec: no lead 'V7'; available leads: I, II", "leads")),
            UserErrors.MessageOf(new ArgumentOutOfRangeException("draw", -1, "a label draw is 0 or more")));

        Assert.Equal("rec: no lead 'V7'; available leads: I, II", exit);
        Assert.Equal("a label draw is 0 or more", text);
    }
}
