using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SemiSegEcg.Experiments.Sweep;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SemiSegEcg.Cli.Commands.Sweep;

/// <summary>
/// Follows a sweep: on a terminal, a live table of the running runs (slot, elapsed, the child's last line) and the
/// latest completions under a progress line; otherwise (logs, Slurm) one printed line per start and end.
/// </summary>
public sealed class SweepProgressView(int totalToRun, bool live, IReadOnlyList<int>? gpus) : ISweepObserver
{
    private const int RecentShown = 6;
    private readonly ConcurrentDictionary<SweepRun, Running> _running = new();
    private readonly ConcurrentQueue<SweepRunResult> _completed = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void OnStarted(SweepRun run, SweepAction action, int slot, string commandLine)
    {
        _running[run] = new Running(action, slot, Stopwatch.StartNew()) { LastLine = "starting" };
        if (!live) AnsiConsole.MarkupLineInterpolated($"[blue]▶[/] {run.Name} [grey]({Verb(action)}{Where(slot)})[/]");
    }

    public void OnOutput(SweepRun run, string line)
    {
        if (!string.IsNullOrWhiteSpace(line) && _running.TryGetValue(run, out var r)) r.LastLine = line.Trim();
    }

    public void OnCompleted(SweepRunResult result)
    {
        _running.TryRemove(result.Run, out _);
        _completed.Enqueue(result);
        if (live) return;
        string time = result.Duration > TimeSpan.Zero ? $" in {Duration(result.Duration)}" : "";
        if (result.Outcome == SweepOutcome.Succeeded)
            AnsiConsole.MarkupLineInterpolated($"[green]✔[/] {result.Run.Name} [grey]({Verb(result.Action)}{time})[/]");
        else
            AnsiConsole.MarkupLineInterpolated($"[red]✘[/] {result.Run.Name} [red]{result.Outcome.ToString().ToLowerInvariant()}[/]{time}: {result.Error ?? ""}");
        if (result.Outcome == SweepOutcome.Failed && result.ExitCode is not null) Console.Out.WriteLine($"  log: {result.Run.LogPath}");
    }

    /// <summary>The live view's current picture.</summary>
    public IRenderable Render()
    {
        var done = _completed.ToArray();
        int failed = done.Count(r => r.Outcome == SweepOutcome.Failed);
        string status = string.Create(CultureInfo.InvariantCulture,
            $"[bold]{done.Length}/{totalToRun}[/] done · {_running.Count} running · {(failed > 0 ? $"[red]{failed} failed[/]" : "0 failed")} · {Duration(_clock.Elapsed)}");
        var table = new Table().RoundedBorder().Expand();
        table.AddColumn("run");
        table.AddColumn("action");
        table.AddColumn(gpus is null ? "slot" : "gpu");
        table.AddColumn(new TableColumn("time").RightAligned());
        table.AddColumn("latest output");
        foreach (var (run, r) in _running.OrderBy(kv => kv.Value.Slot))
        {
            table.AddRow(new Markup(Markup.Escape(run.Name)), new Markup($"[blue]{Verb(r.Action)}[/]"),
                new Markup(SlotText(r.Slot)), new Markup(Duration(r.Clock.Elapsed)),
                new Text(r.LastLine, new Style(Color.Grey)) { Overflow = Overflow.Ellipsis });
        }
        foreach (var result in done.Reverse().Take(RecentShown))
        {
            string mark = result.Outcome switch
            {
                SweepOutcome.Succeeded => "[green]✔ done[/]",
                SweepOutcome.Cancelled => "[yellow]cancelled[/]",
                _ => "[red]✘ failed[/]",
            };
            table.AddRow(new Markup(Markup.Escape(result.Run.Name)), new Markup(Verb(result.Action)), new Markup(mark),
                new Markup(Duration(result.Duration)), new Text(result.Error ?? "", new Style(Color.Grey)) { Overflow = Overflow.Ellipsis });
        }
        return new Rows(new Markup(status), table);
    }

    public static string Verb(SweepAction? action) => action switch
    {
        SweepAction.Train => "train",
        SweepAction.Resume => "resume",
        SweepAction.Test => "test only",
        SweepAction.Skip => "skip",
        _ => "–",
    };

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");

    private string SlotText(int slot) => gpus is null ? slot.ToString(CultureInfo.InvariantCulture) : gpus[slot].ToString(CultureInfo.InvariantCulture);

    private string Where(int slot) => gpus is null ? "" : $", gpu {gpus[slot]}";

    private sealed class Running(SweepAction action, int slot, Stopwatch clock)
    {
        private string _lastLine = "";

        public SweepAction Action { get; } = action;
        public int Slot { get; } = slot;
        public Stopwatch Clock { get; } = clock;

        /// <summary>Written by the child's output pumps, read by the render loop.</summary>
        public string LastLine
        {
            get => Volatile.Read(ref _lastLine);
            set => Volatile.Write(ref _lastLine, value);
        }
    }
}
