using System.Reflection;
using SemiSegEcg.Naming;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli;

/// <summary>
/// Strict, spelling-tolerant long options: every <c>--option</c> a command declares is accepted in the original's
/// snake_case and in .NET's kebab-case (<c>--data_root</c> = <c>--data-root</c>), and any other long option stops the
/// command before it runs, with the nearest declared option as a suggestion. Short options and everything after
/// <c>--</c> are left to the parser, which runs in strict mode.
/// </summary>
public static class OptionSpelling
{
    private static readonly string[] Universal = ["help"];

    /// <summary>The arguments with each declared long option in its declared spelling.</summary>
    /// <param name="commands">Command path (e.g. <c>data prepare</c>) → its settings type.</param>
    /// <exception cref="CommandLineException">An option the command does not declare.</exception>
    public static string[] Normalize(string[] args, IReadOnlyDictionary<string, Type> commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (path, length) = FindCommand(args, commands);
        if (path is null) return args;
        var declared = LongNames(commands[path]).Concat(Universal).ToList();
        var result = args.ToArray();
        for (int i = length; i < result.Length; i++)
        {
            string token = result[i];
            if (token == "--") break;
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2) continue;
            int equals = token.IndexOf('=');
            string name = equals < 0 ? token[2..] : token[2..equals];
            string? match = declared.FirstOrDefault(d => d == name) ?? declared.FirstOrDefault(d => Canonical(d) == Canonical(name));
            if (match is null)
            {
                string? nearest = NameSuggestion.Nearest(Canonical(name), declared.Select(Canonical), tolerance: Math.Max(2, name.Length / 3));
                string hint = nearest is null ? "" : $"; did you mean '--{declared.First(d => Canonical(d) == nearest)}'?";
                throw new CommandLineException($"'semiseg {path}' has no option '--{name}'{hint} (semiseg {path} --help lists them)");
            }
            result[i] = "--" + match + (equals < 0 ? "" : token[equals..]);
        }
        return result;
    }

    /// <summary>Every long option name a settings type declares (with its base types), without the dashes.</summary>
    public static IEnumerable<string> LongNames(Type settings) => settings
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
        .Where(a => a is not null)
        .SelectMany(a => a!.LongNames);

    private static (string? Path, int Length) FindCommand(string[] args, IReadOnlyDictionary<string, Type> commands)
    {
        for (int length = Math.Min(2, args.Length); length >= 1; length--)
        {
            string path = string.Join(' ', args.Take(length));
            if (commands.ContainsKey(path)) return (path, length);
        }
        return (null, 0);
    }

    private static string Canonical(string name) => name.Replace('-', '_').ToLowerInvariant();
}
