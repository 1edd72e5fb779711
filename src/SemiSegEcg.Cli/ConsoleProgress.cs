using Spectre.Console;

namespace SemiSegEcg.Cli;

/// <summary>Runs long work under a live progress display (elapsed, remaining time, spinner).</summary>
public static class ConsoleProgress
{
    public static T Run<T>(Func<ProgressContext, T> work)
    {
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(ctx));
        return result;
    }
}
