using SemiSegEcg.Experiments.Sweep;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Sweep;

/// <summary>The plan before a sweep (states and, for a dry run, commands) and the summary after it.</summary>
public static class SweepTables
{
    public static void PrintPlan(IReadOnlyList<SweepPlannedRun> plan, SweepRunner runner, bool withCommands)
    {
        int Count(SweepAction action) => plan.Count(p => p.Action == action);
        int unreadable = plan.Count(p => p.State is null);
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{plan.Count} run(s)[/]: {Count(SweepAction.Skip)} finished (skipped), {Count(SweepAction.Train)} to train, {Count(SweepAction.Resume)} to resume, {Count(SweepAction.Test)} to test only{(unreadable > 0 ? $", {unreadable} unreadable" : "")}");
        var child = runner.ChildOptions;
        AnsiConsole.MarkupLineInterpolated($"[grey]each run: --threads {child.Threads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}{(child.Device is null ? "" : $" --device {child.Device}")}; output in <run>/sweep.log[/]");
        if (!withCommands && plan.Count > 20) return;

        var table = new Table().RoundedBorder();
        table.AddColumn("run");
        table.AddColumn("state");
        table.AddColumn("action");
        foreach (var p in plan)
        {
            string state = p.State?.Describe(p.Run.Epochs) ?? $"[red]unreadable: {Markup.Escape(p.Problem ?? "")}[/]";
            var cells = new List<string> { Markup.Escape(p.Run.Name), p.State is null ? state : Markup.Escape(state), SweepProgressView.Verb(p.Action) };
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        if (!withCommands) return;
        // Plain lines, never wrapped, so they can be copied into a shell.
        foreach (var p in plan)
        {
            if (runner.CommandLine(p) is not string command) continue;
            Console.Out.WriteLine($"# {p.Run.Name} ({SweepProgressView.Verb(p.Action)})");
            Console.Out.WriteLine(command);
        }
    }

    public static void PrintSummary(SweepSummary summary)
    {
        var ran = summary.Results.Where(r => r.Outcome != SweepOutcome.Skipped).ToList();
        if (ran.Count > 0)
        {
            var table = new Table().RoundedBorder().Title("sweep summary");
            table.AddColumn("run");
            table.AddColumn("action");
            table.AddColumn("result");
            table.AddColumn(new TableColumn("time").RightAligned());
            foreach (var r in ran)
            {
                string result = r.Outcome switch
                {
                    SweepOutcome.Succeeded => "[green]ok[/]",
                    SweepOutcome.Cancelled => "[yellow]cancelled[/]",
                    _ when r.ExitCode is int code => $"[red]failed (exit {code})[/]",
                    _ => "[red]failed[/]",
                };
                table.AddRow(Markup.Escape(r.Run.Name), SweepProgressView.Verb(r.Action), result,
                    r.Duration > TimeSpan.Zero ? SweepProgressView.Duration(r.Duration) : "");
            }
            AnsiConsole.Write(table);
        }
        // Plain lines (never wrapped) so the paths can be copied.
        foreach (var r in ran.Where(r => r.Outcome == SweepOutcome.Failed))
            Console.Out.WriteLine(r.ExitCode is null ? $"failed: {r.Run.Name}: {r.Error}" : $"failed: {r.Run.Name}: {r.Error}\n  log: {r.Run.LogPath}");
        string line = $"trained {summary.Trained}, resumed {summary.Resumed}, tested {summary.Tested}, skipped {summary.Skipped}, failed {summary.Failed}"
            + (summary.Cancelled > 0 ? $", cancelled {summary.Cancelled}" : "");
        AnsiConsole.MarkupLine(summary.AllSucceeded ? $"[green]{Markup.Escape(line)}[/]" : $"[red]{Markup.Escape(line)}[/]");
    }
}
