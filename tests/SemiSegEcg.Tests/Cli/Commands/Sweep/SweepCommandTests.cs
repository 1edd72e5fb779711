using System.Diagnostics;
using System.Globalization;
using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using Spectre.Console.Cli;

namespace SemiSegEcg.Tests.Cli.Commands.Sweep;

/// <summary>
/// <c>semiseg sweep</c> as the CLI registers it. The end-to-end test starts real <c>semiseg train</c> children on the
/// tiny LUDB indexes (1 epoch, 1 thread each, one at a time): 2 algorithms × 2 seeds, then skip, re-test, resume and report.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class SweepCommandTests : IDisposable
{
    private static readonly string Configs = Path.Combine(SharedData.RepoRoot, "configs");
    private readonly TempDirectory _tmp = new("sweep-cli");

    public void Dispose() => _tmp.Dispose();

    private string Root => _tmp.File("runs");

    private static int Run(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(CommandRegistry.Configure);
        return app.Run(args);
    }

    private string[] Grid(string dataRoot, params string[] extra) =>
    [
        "sweep", "--backbones", "resnet18", "--algorithms", "scratch,fixmatch", "--datasets", "ludb", "--ratios", "16", "--seeds", "0,1",
        "--epochs", "1", "--jobs", "1", "--threads", "1", "--configs", Configs, "--output_root", Root, "--data_root", dataRoot,
        "--set", "dataset.train_labeled_csv=TINY_train_labeled.csv", "--set", "dataset.train_unlabeled_csv=TINY_train_unlabeled.csv",
        "--set", "dataset.valid_csv=TINY_valid.csv", "--set", "dataset.test_csv=TINY_test.csv", "--set", "dataloader.num_workers=1",
        .. extra,
    ];

    private string RunDir(string algorithm, int seed) => Path.Combine(Root, "resnet18", algorithm, "ludb", "1over16", $"seed{seed}");

    /// <summary>The actions logged in a run's sweep.log, one per attempt (train, resume, test).</summary>
    private static List<string> Attempts(string run) =>
        File.ReadAllLines(Path.Combine(run, "sweep.log")).Where(l => l.StartsWith("==== ", StringComparison.Ordinal) && !l.StartsWith("==== exit", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[4].TrimEnd(':')).ToList();

    [Fact]
    public void Should_Run_A_Small_Grid_Then_Skip_Retest_Resume_And_Report_It()
    {
        string data = TinyLudb.DataRoot;
        string[] runs = [RunDir("scratch", 0), RunDir("scratch", 1), RunDir("fixmatch", 0), RunDir("fixmatch", 1)];

        // When: the grid runs from nothing
        int first = Run(Grid(data));

        // Then: every run trained once and was tested
        Assert.Equal(0, first);
        Assert.All(runs, r => Assert.Equal(["train"], Attempts(r)));
        Assert.All(runs, r => Assert.True(File.Exists(Path.Combine(r, "test_metrics.csv")) && File.Exists(Path.Combine(r, "test_outputs.npy")), r));
        Assert.Contains("algorithm: fixmatch", File.ReadAllText(Path.Combine(runs[2], "config.yaml")), StringComparison.Ordinal);
        Assert.Contains("seed: 1", File.ReadAllText(Path.Combine(runs[1], "config.yaml")), StringComparison.Ordinal);

        // When: run again, then again after one run lost its test metrics
        int second = Run(Grid(data));
        File.Delete(Path.Combine(runs[3], "test_metrics.csv"));
        int third = Run(Grid(data));

        // Then: nothing re-ran except that run's test
        Assert.Equal((0, 0), (second, third));
        Assert.Equal(["train"], Attempts(runs[0]));
        Assert.Equal(["train", "test"], Attempts(runs[3]));
        Assert.True(File.Exists(Path.Combine(runs[3], "test_metrics.csv")));

        // When: one run is interrupted (test files gone) and the budget grows to 2 epochs
        File.Delete(Path.Combine(runs[0], "test_metrics.csv"));
        File.Delete(Path.Combine(runs[0], "test_outputs.npy"));
        int fourth = Run(Grid(data, "--epochs", "2"));

        // Then: it resumed from epoch 1 and finished epoch 2; the finished runs were left alone
        Assert.Equal(0, fourth);
        Assert.Equal(["train", "resume"], Attempts(runs[0]));
        Assert.Equal(1, CheckpointStore.ReadMetadata(Path.Combine(runs[0], "last.ckpt")).Epoch);
        Assert.Equal(2, RunLog.Read(Path.Combine(runs[0], "log.txt")).Count);
        Assert.Equal(["train"], Attempts(runs[1]));

        // When: the report is made over the sweep, which now mixes 1- and 2-epoch runs, then over the 1-epoch runs
        string report = _tmp.File("report");
        var mixed = Assert.Throws<InvalidDataException>(() => Run("report", Root, "--out", report));
        int reported = Run("report", Root, "--out", report, "--epochs", "1");

        // Then: the mix is refused; mean ± SD over FixMatch's two seeds, Supervised's one run marked, a CSV row per
        // run and per cell, and the ludb plot
        Assert.StartsWith("the runs differ in training budget: 1 epochs (3 run(s)", mixed.Message, StringComparison.Ordinal);
        Assert.Equal(0, reported);
        string md = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains("over 2 runs (label draws × seeds)", md, StringComparison.Ordinal);
        Assert.Contains("Budget: 1 epochs; test sets: LUDB 16 samples.", md, StringComparison.Ordinal);
        Assert.Matches(@"\| resnet18 \| Supervised \| (\*\*)?\d+\.\d \(n=1\)(\*\*)? \|", md);
        Assert.Matches(@"\| resnet18 \| FixMatch \| (\*\*)?\d+\.\d ± \d+\.\d(\*\*)? \|", md);
        var csv = File.ReadAllLines(Path.Combine(report, "report.csv"));
        Assert.Equal(3, csv.Count(l => l.StartsWith("run,resnet18,", StringComparison.Ordinal)));
        Assert.Equal(1, csv.Count(l => l.StartsWith("mean,resnet18,", StringComparison.Ordinal) && l.Split(',')[8] == "2"));
        Assert.True(new FileInfo(Path.Combine(report, "ratio_ludb.png")).Length > 10_000);
        Assert.All(runs, r => Assert.True(File.Exists(Path.Combine(r, "evaluation.json"))));
    }

    [Fact]
    public void Should_Show_A_Dry_Run_Without_Creating_Anything()
    {
        int code = Run(Grid(IndexOnlyDataRoot(), "--dry-run"));

        Assert.Equal(0, code);
        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public void Should_Refuse_A_Dry_Run_Or_A_Run_Whose_Index_Files_Are_Missing()
    {
        string data = IndexOnlyDataRoot();
        File.Delete(Path.Combine(data, "ludb", "index", "TINY_valid.csv"));

        Assert.Equal(1, Run(Grid(data, "--dry-run")));
        Assert.Equal(1, Run(Grid(data)));
        Assert.False(Directory.Exists(Root));
    }

    /// <summary>A data root with the grid's four (empty) tiny index files: enough for planning, nothing to train on.</summary>
    private string IndexOnlyDataRoot()
    {
        string index = _tmp.File("indexes-only/ludb/index");
        Directory.CreateDirectory(index);
        foreach (string split in new[] { "train_labeled", "train_unlabeled", "valid", "test" })
            File.WriteAllText(Path.Combine(index, $"TINY_{split}.csv"), "");
        return _tmp.File("indexes-only");
    }

    [SkippableFact]
    public void Should_Emit_A_Slurm_Array_Whose_Tasks_The_Cli_Accepts()
    {
        // Given / When: a GPU array of the 4-run grid, at most 3 tasks at a time
        Skip.If(OperatingSystem.IsWindows(), "needs bash");
        string script = _tmp.File("sweep.sbatch");
        string data = IndexOnlyDataRoot();
        int code = Run(Grid(data, "--emit-slurm", script, "--gpus", "0", "--jobs", "3", "--slurm-partition", "gpu", "--slurm-time", "12:00:00"));

        // Then
        Assert.Equal(0, code);
        string text = File.ReadAllText(script);
        Assert.Contains("#SBATCH --array=0-3%3\n", text, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --gpus-per-task=1\n", text, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --partition=gpu\n", text, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --time=12:00:00\n", text, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Root, "slurm")));
        Assert.False(Directory.Exists(Path.Combine(Root, "resnet18")));

        // And: task 3 is a one-run sweep of fixmatch seed 1 on cuda, which the CLI parses and plans
        var args = TaskArguments(script, 3);
        Assert.Equal(["sweep", "--backbones", "resnet18", "--algorithms", "fixmatch", "--datasets", "ludb", "--ratios", "16", "--seeds", "1"], args.Take(11));
        Assert.Equal(["--threads", "1", "--data_root", data, "--device", "cuda"], args.SkipWhile(a => a != "--threads").Take(6));
        Assert.Equal(0, Run([.. args, "--dry-run"]));
    }

    [Theory]
    [InlineData("--gpus 0,1 --jobs 2", "--gpus runs one job per GPU")]
    [InlineData("--device tpu", "--device must be cpu or cuda")]
    [InlineData("--seeds 0-x", "--seeds: '0-x' is not an integer")]
    [InlineData("--epochs 0", "--epochs must be at least 1")]
    public void Should_Reject_Bad_Options(string options, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => Run([.. Grid("/data"), .. options.Split(' '), "--dry-run"]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The arguments task <paramref name="index"/> passes to semiseg, as bash expands them.</summary>
    private string[] TaskArguments(string script, int index)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.Environment["SLURM_ARRAY_TASK_ID"] = index.ToString(CultureInfo.InvariantCulture);
        info.Environment["SLURM_SUBMIT_DIR"] = _tmp.Path;
        info.Environment["SEMISEG"] = "printf %s\\\\n";
        using var bash = Process.Start(info)!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
        return output.TrimEnd('\n').Split('\n').Skip(1).ToArray();
    }
}
