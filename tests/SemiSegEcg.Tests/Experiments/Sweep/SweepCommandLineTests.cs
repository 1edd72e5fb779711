using System.Diagnostics;
using SemiSegEcg.Experiments.Sweep;

namespace SemiSegEcg.Tests.Experiments.Sweep;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class SweepCommandLineTests
{
    private static readonly SweepRun Run = new("vit_tiny", "fixmatch", "qtdb", 8, 3, "configs/base/vit_tiny/fixmatch.yaml",
        "configs/bench/qtdb/1over8.yaml", "runs/sweep/vit_tiny/fixmatch", "qtdb/1over8/seed3", ["train.epochs=10", "train.warmup_epochs=1"], 10);

    [Fact]
    public void Should_Build_The_Train_Command_With_Every_Run_Option()
    {
        var args = SweepCommandLine.ChildArguments(Run, new SweepRunState(SweepRunStatus.NotStarted), new SweepChildOptions(2, "/data", "cuda"));

        Assert.Equal(
        [
            "train", "-f", "configs/base/vit_tiny/fixmatch.yaml", "-o", "configs/bench/qtdb/1over8.yaml",
            "--output_dir", "runs/sweep/vit_tiny/fixmatch", "--exp_name", "qtdb/1over8/seed3", "--seed", "3",
            "--threads", "2", "--data_root", "/data", "--device", "cuda",
            "--set", "train.epochs=10", "--set", "train.warmup_epochs=1",
        ], args);
    }

    [Fact]
    public void Should_Add_Resume_Or_Switch_To_Test_And_Leave_Out_Unset_Options()
    {
        var resume = SweepCommandLine.ChildArguments(Run, new SweepRunState(SweepRunStatus.Interrupted, "r/last.ckpt", 4), new SweepChildOptions());
        var test = SweepCommandLine.ChildArguments(Run, new SweepRunState(SweepRunStatus.Trained, "r/last.ckpt", 10), new SweepChildOptions());

        Assert.Equal(["train", "-f"], resume.Take(2));
        Assert.Equal(["--set", "train.warmup_epochs=1", "--resume", "r/last.ckpt"], resume.TakeLast(4));
        Assert.Equal(["test", "-f"], test.Take(2));
        Assert.DoesNotContain("--resume", test);
        Assert.DoesNotContain("--threads", test);
        Assert.DoesNotContain("--data_root", test);
        Assert.DoesNotContain("--device", test);
    }

    [Fact]
    public void Should_Turn_A_Request_Back_Into_A_Sweep_Command_Line()
    {
        var request = new SweepRequest(["resnet18"], ["stpp"], ["merged"], [16, 8], [0, 1], "configs", "out", 30, ["dataloader.batch_size=8"]);

        var args = SweepCommandLine.SweepArguments(request, new SweepChildOptions(null, "/data", "cuda"));

        Assert.Equal(
        [
            "sweep", "--backbones", "resnet18", "--algorithms", "stpp", "--datasets", "merged", "--ratios", "16,8", "--seeds", "0,1",
            "--configs", "configs", "--output_root", "out", "--epochs", "30", "--data_root", "/data", "--device", "cuda",
            "--set", "dataloader.batch_size=8",
        ], args);
    }

    [Fact]
    public void Should_Keep_The_Label_Draws_In_A_Sweep_Command_Line()
    {
        var request = new SweepRequest(["resnet18"], ["fixmatch"], ["ludb"], [16], [0], "configs", "out", Draws: [1, 2]);

        var args = SweepCommandLine.SweepArguments(request, new SweepChildOptions(null, null, null));

        Assert.Equal(["--draws", "1,2"], args.SkipWhile(a => a != "--draws").Take(2));
        Assert.DoesNotContain("--draws", SweepCommandLine.SweepArguments(request with { Draws = null }, new SweepChildOptions(null, null, null)));
    }

    [Theory]
    [InlineData("plain/path-1.yaml", "plain/path-1.yaml")]
    [InlineData("train.epochs=3", "train.epochs=3")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$HOME", "'$HOME'")]
    public void Should_Quote_Only_What_The_Shell_Would_Change(string argument, string quoted) =>
        Assert.Equal(quoted, SweepCommandLine.ShellQuote(argument));

    [SkippableFact]
    public void Should_Give_Bash_Back_The_Exact_Arguments()
    {
        Skip.If(OperatingSystem.IsWindows(), "needs bash");
        string[] arguments = ["plain", "two words", "it's", "$HOME", "`x`", "\"q\"", "a\\b", "tab\there", "*", "--set", "k=[1, 2]"];

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("printf '%s\\n' " + SweepCommandLine.ShellJoin(arguments));
        using var bash = Process.Start(info)!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal(arguments, output.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("/opt/semiseg/semiseg", "/opt/semiseg/semiseg.dll", null, "/opt/semiseg/semiseg", "")]
    [InlineData("/tools/semiseg.exe", "", null, "/tools/semiseg.exe", "")]
    [InlineData("/usr/lib/dotnet/dotnet", "/repo/bin/semiseg.dll", null, "/usr/lib/dotnet/dotnet", "/repo/bin/semiseg.dll")]
    [InlineData("/usr/lib/dotnet/testhost", "/repo/bin/semiseg.dll", "/usr/lib/dotnet/dotnet", "/usr/lib/dotnet/dotnet", "/repo/bin/semiseg.dll")]
    [InlineData(null, "/repo/bin/semiseg.dll", null, "dotnet", "/repo/bin/semiseg.dll")]
    public void Should_Start_Semiseg_The_Way_This_Process_Was_Started(string? processPath, string assembly, string? host, string file, string prefix)
    {
        var exe = SemisegExecutable.Resolve(processPath, assembly, host);

        Assert.Equal(file, exe.FileName);
        Assert.Equal(prefix.Length == 0 ? [] : [prefix], exe.PrefixArguments);
        Assert.Equal([.. exe.PrefixArguments, "train"], exe.With(["train"]));
    }

    [Fact]
    public void Should_Refuse_To_Guess_Without_A_Cli_Assembly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SemisegExecutable.Resolve("/usr/bin/testhost", "", null));

        Assert.Contains("cannot tell how to start semiseg", error.Message, StringComparison.Ordinal);
    }
}
