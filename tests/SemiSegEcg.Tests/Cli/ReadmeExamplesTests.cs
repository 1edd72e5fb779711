using System.Diagnostics;
using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Experiments.Sweep;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Cli;

/// <summary>
/// Runs every shell example of README.md and of the docs pages, as written, page after page in
/// <see cref="ReadmeCommands.Pages"/> order and in document order within a page, in one fresh folder laid out like a
/// clone (<c>configs/</c> here, <c>../shared/data</c> beside it), so the docs cannot drift from the CLI. Only budgets
/// and data sizes are substituted where an example trains (rules in <see cref="Runnable"/>), and <c>../shared/data</c>
/// is the bundled record subset (<see cref="SharedData.BundledRawData"/>), so every clone runs it.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class ReadmeExamplesTests
{
    private static readonly string[] TinyIndexSets =
    [
        "dataset.train_labeled_csv=TINY_train_labeled.csv", "dataset.train_unlabeled_csv=TINY_train_unlabeled.csv",
        "dataset.valid_csv=TINY_valid.csv", "dataset.test_csv=TINY_test.csv",
    ];

    [Fact]
    public void Should_List_Every_Docs_Page_In_The_Run_Order()
    {
        Assert.Equal(ReadmeCommands.Pages.Order(StringComparer.Ordinal), ReadmeCommands.PagesOnDisk(SharedData.RepoRoot));
        Assert.Equal("README.md", ReadmeCommands.Pages[0]);
    }

    [Fact]
    public void Should_Open_The_Readme_With_The_Two_Commands_Ci_Runs()
    {
        var readme = ReadmeCommands.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md")));
        string ci = File.ReadAllText(Path.Combine(SharedData.RepoRoot, ".ci", "run"));

        Assert.Equal(["dotnet run --project src/SemiSegEcg.Cli -c Release -- demo", "dotnet test SemiSegEcg.slnx -c Release"],
            readme.Select(c => c.Text));
        Assert.Contains("\n" + readme[1].Text + "\n", ci.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Find_Every_Example_And_Know_How_To_Run_Each()
    {
        var commands = ReadmeCommands.ParseAll(SharedData.RepoRoot);

        var texts = commands.Select(c => c.Text).ToList();
        Assert.Contains(texts, t => t.StartsWith("dotnet run --project src/SemiSegEcg.Cli -c Release -- demo", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("semiseg data prepare ludb --raw ../shared/data/ludb", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("semiseg train ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("semiseg sweep ", StringComparison.Ordinal) && t.Contains("--emit-slurm", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("semiseg report ", StringComparison.Ordinal));
        Assert.All(commands, c => Runnable(c, out _));
        Assert.Equal(1, commands.Count(c => Runnable(c, out _) is null && c.Words[1] == "test"));
    }

    [Fact]
    public void Should_Parse_Continuations_Comments_And_Quotes_As_A_Shell_Does()
    {
        const string markdown = "```bash\n# a comment\nsemiseg sweep --a 1 \\\n  --set 'x=a b' # trailing\n\nsemiseg report \"runs x\"\n```\n"
            + "```text\n$ semiseg evaluate r\noutput $ not a command\n```\n";

        var commands = ReadmeCommands.Parse(markdown);

        Assert.Equal([3, 6, 9], commands.Select(c => c.Line));
        Assert.Equal(["semiseg", "sweep", "--a", "1", "--set", "x=a b"], commands[0].Words);
        Assert.Equal(["semiseg", "report", "runs x"], commands[1].Words);
        Assert.Equal(["semiseg", "evaluate", "r"], commands[2].Words);
    }

    [Fact]
    public void Should_Run_Every_Example_In_The_Readme_And_The_Docs()
    {
        // Given: a clone-like workspace: configs/ in it, the bundled records at ../shared/data
        string rawData = SharedData.BundledRawData;
        using var parent = new TempDirectory("readme");
        Directory.CreateDirectory(Path.Combine(parent.Path, "shared"));
        Directory.CreateSymbolicLink(Path.Combine(parent.Path, "shared", "data"), rawData);
        string workspace = Path.Combine(parent.Path, "clone");
        Directory.CreateDirectory(workspace);
        Directory.CreateSymbolicLink(Path.Combine(workspace, "configs"), Path.Combine(SharedData.RepoRoot, "configs"));

        // When: every example runs, page after page in the docs' run order
        foreach (var command in ReadmeCommands.ParseAll(SharedData.RepoRoot))
        {
            if (Runnable(command, out string? skipped) is not { } arguments) continue;
            var (exit, output) = RunCli(workspace, arguments);
            Assert.True(exit == 0, $"{command.Location}: `{command.Text}` (run as `semiseg {string.Join(' ', arguments)}`) exited {exit}:\n{Tail(output)}");
        }

        // Then: what the examples promise is there
        string[] expected =
        [
            "demo/runs/demo/synthetic/best-MeanIoU.ckpt",
            "runs/resnet18/scratch/ludb/1over16/test_metrics.csv",
            "runs/r20/resnet18/fixmatch/ludb/1over16/seed0/test_outputs.npy",
            "delineation/1.waves.csv", "delineation/sel100.json", "delineation/sel100.png",
            "delineation-eval/delineation_scores.csv",
            "delineation-reference/1.reference_scores.csv", "delineation-reference/1.png",
            "runs/sweep/resnet18/fixmatch/ludb/1over16/seed1/test_metrics.csv",
            "runs/sweep/report.md", "sweep.sbatch",
        ];
        Assert.All(expected, file => Assert.True(File.Exists(Path.Combine(workspace, file)), $"{file} was not written"));
    }

    /// <summary>
    /// The <c>semiseg</c> arguments an example runs with, or null (with the reason) for the one example it must not
    /// run. Rules: <c>dotnet run --project src/SemiSegEcg.Cli -c Release -- ARGS</c> is <c>semiseg ARGS</c>;
    /// <c>dotnet test</c> is this test suite itself; <c>data prepare</c> of a labeled database also writes the tiny
    /// indexes; a command that trains (<c>demo</c>, <c>train</c>, <c>sweep</c> unless it only shows or writes a script)
    /// gets <c>--epochs 1</c>, and with prepared data (<c>--data_root</c>) the tiny indexes unless it names its own;
    /// <c>demo</c> generates 10 synthetic records instead of 60.
    /// Anything else is an example this test cannot run: it fails.
    /// </summary>
    private static List<string>? Runnable(ReadmeCommands.Command command, out string? skipped)
    {
        var words = command.Words.ToList();
        skipped = null;
        List<string> args;
        if (words is ["semiseg", ..]) args = words[1..];
        else if (words is ["dotnet", "run", ..] && words.IndexOf("--") is int dashes and > 0) args = words[(dashes + 1)..];
        else if (words is ["dotnet", "test", ..])
        {
            skipped = "the test suite itself";
            return null;
        }
        else if (words is ["dotnet", "pack" or "publish", ..])
        {
            // Packing is what PackageConsumerTests does (and then builds and runs a consumer); a self-contained publish
            // copies ~580 MB of natives, too much for every test run.
            skipped = "packaging, covered by PackageConsumerTests";
            return null;
        }
        else throw new InvalidOperationException($"{command.Location}: no rule to run `{command.Text}`; teach {nameof(ReadmeExamplesTests)} or change the example");

        Assert.True(CommandRegistry.Commands.ContainsKey(args[0]) || (args.Count > 1 && CommandRegistry.Commands.ContainsKey($"{args[0]} {args[1]}")),
            $"{command.Location}: `{command.Text}` is not a semiseg command");
        if (args is ["data", "prepare", var database, ..] && database is not ("ptbxl" or "synthetic") && !args.Contains("--tiny"))
            args.Add("--tiny");
        bool trains = args[0] is "demo" or "train" || (args[0] == "sweep" && !args.Contains("--dry-run") && !args.Contains("--emit-slurm"));
        if (trains)
        {
            int epochs = args.IndexOf("--epochs");
            if (epochs >= 0) args[epochs + 1] = "1";
            else args.AddRange(["--epochs", "1"]);
            if (args[0] == "demo" && !args.Contains("--records")) args.AddRange(["--records", "10"]);
            if (args.Contains("--data_root") && !args.Any(a => a.StartsWith("dataset.", StringComparison.Ordinal)))
                foreach (string set in TinyIndexSets) args.AddRange(["--set", set]);
        }
        return args;
    }

    private static (int Exit, string Output) RunCli(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var cli = SemisegExecutable.Resolve(null, typeof(CommandRegistry).Assembly.Location, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"));
        var start = new ProcessStartInfo(cli.FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in cli.With(arguments)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout + "\n(killed after 10 minutes)");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : "…" + text[^3000..];
}
