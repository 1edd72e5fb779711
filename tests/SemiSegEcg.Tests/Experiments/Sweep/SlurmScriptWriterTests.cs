using System.Diagnostics;
using SemiSegEcg.Experiments.Sweep;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Experiments.Sweep;

[Trait(Category.Trait, Category.Unit)]
public sealed class SlurmScriptWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("sweep-slurm");

    public void Dispose() => _dir.Dispose();

    private static readonly IReadOnlyList<SlurmTask> Tasks =
    [
        new("resnet18/scratch ludb/1over16/seed0", ["sweep", "--backbones", "resnet18", "--seeds", "0"]),
        new("resnet18/scratch ludb/1over16/seed1", ["sweep", "--backbones", "resnet18", "--set", "dataset.note=it's $HOME `x` \"q\" a\\b", "--seeds", "1"]),
        new("resnet18/fixmatch merged/seed0", ["sweep", "--datasets", "merged"]),
    ];

    [Fact]
    public void Should_Write_An_Array_With_One_Task_Per_Run_And_The_Chosen_Resources()
    {
        var options = new SlurmOptions("runs/sweep/slurm", "bench", MaxParallel: 2, Partition: "gpu", GpusPerTask: 1, CpusPerTask: 8, Memory: "16G", Time: "2-00:00:00");

        string script = SlurmScriptWriter.Render(options, new SemisegExecutable("dotnet", ["/opt/semiseg/semiseg.dll"]), Tasks);

        var lines = script.Split('\n');
        Assert.Equal("#!/bin/bash", lines[0]);
        Assert.Equal(
        [
            "#SBATCH --job-name=bench", "#SBATCH --array=0-2%2", "#SBATCH --output=runs/sweep/slurm/%x_%A_%a.out", "#SBATCH --cpus-per-task=8",
            "#SBATCH --gpus-per-task=1", "#SBATCH --mem=16G", "#SBATCH --time=2-00:00:00", "#SBATCH --partition=gpu",
        ], lines.Where(l => l.StartsWith("#SBATCH", StringComparison.Ordinal)));
        Assert.Contains("SEMISEG=\"${SEMISEG:-dotnet /opt/semiseg/semiseg.dll}\"", lines);
        Assert.Contains("  # 2: resnet18/fixmatch merged/seed0", lines);
        Assert.Contains("  \"${SEMISEG} sweep --datasets merged\"", lines);
        Assert.Contains("eval \"${CMDS[$SLURM_ARRAY_TASK_ID]}\"", lines);
        Assert.Contains("resumes an interrupted one", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Leave_Out_Optional_Resources_For_A_Cpu_Array()
    {
        string script = SlurmScriptWriter.Render(new SlurmOptions("logs"), new SemisegExecutable("semiseg", []), Tasks.Take(1).ToList());

        Assert.Contains("#SBATCH --array=0-0\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--gpus-per-task", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--partition", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--mem", script, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Should_Run_Exactly_The_Task_Arguments_Of_The_Array_Index(int task)
    {
        // Given: the script written to disk, with semiseg replaced by a program that prints its arguments
        Skip.If(OperatingSystem.IsWindows(), "needs bash");
        string path = _dir.File("sweep.sbatch");
        SlurmScriptWriter.Write(path, new SlurmOptions(_dir.File("logs")), new SemisegExecutable("semiseg", []), Tasks);

        // When
        var (code, output) = Bash(path, new() { ["SLURM_ARRAY_TASK_ID"] = $"{task}", ["SEMISEG"] = "printf %s\\\\n", ["SLURM_SUBMIT_DIR"] = _dir.Path });

        // Then
        Assert.Equal(0, code);
        var printed = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"task {task} of 3: ", printed[0], StringComparison.Ordinal);
        Assert.Equal(Tasks[task].Arguments, printed.Skip(1));
        Assert.True(Directory.Exists(_dir.File("logs")));
        if (!OperatingSystem.IsWindows()) Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute));
    }

    [SkippableFact]
    public void Should_Refuse_To_Run_Outside_Slurm()
    {
        Skip.If(OperatingSystem.IsWindows(), "needs bash");
        string path = _dir.File("sweep.sbatch");
        SlurmScriptWriter.Write(path, new SlurmOptions(_dir.File("logs")), new SemisegExecutable("semiseg", []), Tasks);

        var (code, _) = Bash(path, new() { ["SLURM_SUBMIT_DIR"] = _dir.Path });

        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("gpu queue", "--slurm-partition")]
    [InlineData("$(rm)", "--slurm-partition")]
    public void Should_Reject_Values_That_Cannot_Go_Into_An_Sbatch_Line(string partition, string option)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SlurmScriptWriter.Render(new SlurmOptions("logs", Partition: partition), new SemisegExecutable("semiseg", []), Tasks));

        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Bash(string script, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.Environment.Remove("SLURM_ARRAY_TASK_ID");
        foreach (var (k, v) in environment) info.Environment[k] = v;
        using var bash = Process.Start(info)!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        return (bash.ExitCode, output);
    }
}
