using SemiSegEcg.Experiments.Sweep;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Sweep;

/// <summary>
/// Runs the benchmark grid as separate <c>semiseg train</c> processes (skipping finished runs, resuming interrupted
/// ones), shows it (<c>--dry-run</c>), or writes it as a Slurm array script (<c>--emit-slurm</c>).
/// </summary>
public sealed class SweepCommand : Command<SweepSettings>
{
    public override int Execute(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        var request = settings.ToRequest();
        var runs = SweepGrid.Expand(request);
        var executable = SemisegExecutable.Resolve(Environment.ProcessPath, typeof(SweepCommand).Assembly.Location,
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"));
        if (settings.EmitSlurm is string script)
        {
            EmitSlurm(script, settings, request, runs, executable);
            return 0;
        }

        var options = settings.ToRunnerOptions();
        var runner = new SweepRunner(executable, options);
        var plan = SweepPlannedRun.Of(runs);
        SweepTables.PrintPlan(plan, runner, settings.DryRun);
        var missing = SweepDataCheck.MissingFiles(plan, settings.DataRoot);
        foreach (string problem in missing) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {problem}");
        if (missing.Count > 0) return 1;
        if (settings.DryRun) return 0;

        int toRun = plan.Count(p => p.Action is not SweepAction.Skip);
        if (toRun == 0)
        {
            AnsiConsole.MarkupLine("[green]every run is finished; nothing to do[/]");
            return plan.Any(p => p.State is null) ? 1 : 0;
        }
        bool live = AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi;
        var view = new SweepProgressView(toRun, live, options.UsesGpus ? options.Gpus : null);
        var sweep = runner.RunAsync(plan, view, cancellationToken);
        if (live)
        {
            AnsiConsole.Live(view.Render()).AutoClear(true).Start(ctx =>
            {
                while (!sweep.Wait(TimeSpan.FromMilliseconds(500))) ctx.UpdateTarget(view.Render());
            });
        }
        var summary = sweep.GetAwaiter().GetResult();
        SweepTables.PrintSummary(summary);
        cancellationToken.ThrowIfCancellationRequested();
        return summary.AllSucceeded ? 0 : 1;
    }

    private static void EmitSlurm(string path, SweepSettings settings, SweepRequest request, IReadOnlyList<SweepRun> runs, SemisegExecutable executable)
    {
        bool gpu = settings.Gpus is not null || settings.Device == "cuda";
        int gpusPerTask = settings.SlurmGpusPerTask ?? (gpu ? 1 : 0);
        string? device = settings.Device ?? (gpusPerTask > 0 ? "cuda" : null);
        var childOptions = new SweepChildOptions(settings.Threads, settings.DataRoot, device);
        var tasks = runs.Select(r => new SlurmTask(r.Name, SweepCommandLine.SweepArguments(request.For(r), childOptions))).ToList();
        var slurm = new SlurmOptions(Path.Combine(request.OutputRoot, "slurm"), settings.SlurmJobName, settings.Jobs, settings.SlurmPartition,
            gpusPerTask, settings.SlurmCpusPerTask, settings.SlurmMemory, settings.SlurmTime);
        SlurmScriptWriter.Write(path, slurm, executable, tasks);
        AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {path}: a Slurm array of {tasks.Count} task(s), one run each; logs in {slurm.LogDirectory}/");
        AnsiConsole.MarkupLineInterpolated($"[grey]submit it from this folder with[/] sbatch {path}[grey]; submitting it again skips finished runs and resumes interrupted ones.[/]");
    }
}
