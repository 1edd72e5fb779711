using SemiSegEcg.Config;
using SemiSegEcg.Data.Pickle;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Training;
using SemiSegEcg.Transforms;
using System.Runtime.InteropServices;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli;

/// <summary>
/// Turns failures caused by the user's input (bad files, configs, arguments) into one clear red line and exit code 1.
/// A stack trace is shown only for genuine bugs, or for everything when <c>SEMISEG_DEBUG=1</c>.
/// </summary>
public static class UserErrors
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e) && Environment.GetEnvironmentVariable("SEMISEG_DEBUG") != "1")
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {MessageOf(e)}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]cancelled[/]");
            return 130;
        }
        catch (ExternalException e) when (Environment.GetEnvironmentVariable("SEMISEG_DEBUG") != "1")
        {
            // libtorch's own messages run to dozens of native frames; the first line is the part a user can act on.
            string first = e.Message.Split('\n', 2)[0].Trim();
            AnsiConsole.MarkupLineInterpolated($"[red]libtorch error:[/] {first}");
            AnsiConsole.MarkupLine("[grey]A training run stopped this way continues exactly where its last epoch ended with " +
                "--resume <run folder>/last.ckpt. SEMISEG_DEBUG=1 shows the native stack.[/]");
            return 2;
        }
        catch (Exception e)
        {
            AnsiConsole.MarkupLine("[red]unexpected error (please report it):[/]");
            AnsiConsole.WriteException(e, ExceptionFormats.ShortenEverything);
            return 2;
        }
    }

    /// <summary>
    /// The message a user reads: an <see cref="ArgumentException"/>'s own text without the framework's
    /// "(Parameter 'name')" suffix, which names a C# parameter, not anything the user typed.
    /// </summary>
    public static string MessageOf(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is ArgumentException { ParamName: { Length: > 0 } name } argument)
        {
            string suffix = $" (Parameter '{name}')";
            string message = argument.Message;
            int at = message.LastIndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0) message = message.Remove(at, suffix.Length);
            if (argument is ArgumentOutOfRangeException { ActualValue: { } value })
                message = message.Replace($"{Environment.NewLine}Actual value was {value}.", "", StringComparison.Ordinal);
            return message.Trim();
        }
        return e.Message;
    }

    private static bool IsUserError(Exception e) => e is InvalidDataException or FileNotFoundException
        or DirectoryNotFoundException or ConfigException or CommandParseException or CommandRuntimeException
        or ArgumentException or NotSupportedException or UnauthorizedAccessException or IOException
        or WfdbFormatException or PickleSecurityException or TransformSpecException or TrainingDivergedException
        or CommandLineException;
}
