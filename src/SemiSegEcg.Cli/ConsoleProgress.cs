using Spectre.Console;

namespace SemiSegEcg.Cli;

/// <summary>
/// Runs long work under a live progress display (elapsed, remaining time, spinner) sized to the terminal
/// (<see cref="ProgressLayout"/>); the display clears itself when the work ends, so no finished bar stays on screen
/// above the results printed after it.
/// </summary>
public static class ConsoleProgress
{
    public static T Run<T>(Func<ProgressContext, T> work)
    {
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = ProgressLayout.BarWidth(AnsiConsole.Profile.Width) }, new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(ctx));
        return result;
    }
}
