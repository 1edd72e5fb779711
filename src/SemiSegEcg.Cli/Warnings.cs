using Spectre.Console;

namespace SemiSegEcg.Cli;

/// <summary>Prints non-fatal findings (e.g. time-warped samples), collapsed when there are many.</summary>
public static class Warnings
{
    public static void Print(IReadOnlyCollection<string> warnings, int shown = 5)
    {
        if (warnings.Count == 0) return;
        AnsiConsole.MarkupLineInterpolated($"[yellow]{warnings.Count} warning(s):[/]");
        foreach (string w in warnings.Take(shown)) AnsiConsole.MarkupLineInterpolated($"  [yellow]{w}[/]");
        if (warnings.Count > shown) AnsiConsole.MarkupLineInterpolated($"  [yellow]… and {warnings.Count - shown} more[/]");
    }
}
