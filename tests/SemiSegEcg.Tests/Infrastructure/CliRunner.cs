using SemiSegEcg.Cli.Commands;
using Spectre.Console;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>Runs the CLI in-process exactly as the executable does and captures what it prints (no colours).</summary>
public static class CliRunner
{
    public static (int Exit, string Text) Run(params string[] args)
    {
        var writer = new StringWriter();
        var previous = AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        console.Profile.Width = 4000; // one message per line, so tests can look for whole sentences
        AnsiConsole.Console = console;
        try
        {
            int exit = CommandRegistry.Run(args);
            return (exit, writer.ToString().ReplaceLineEndings(" "));
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }
}
