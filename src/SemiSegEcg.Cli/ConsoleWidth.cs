using Spectre.Console;

namespace SemiSegEcg.Cli;

/// <summary>
/// Spectre.Console falls back to 80 columns when output goes to a file, which wraps every table of a training log or
/// a sweep child's log into unreadable slivers. COLUMNS (as set by shells and honoured by most CLI tools) wins;
/// otherwise redirected output gets a width that fits the widest table we print.
/// </summary>
public static class ConsoleWidth
{
    public const int RedirectedDefault = 160;

    public static void Apply()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40)
            AnsiConsole.Profile.Width = columns;
        else if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = RedirectedDefault;
    }
}
