using System.Text;
using System.Text.RegularExpressions;

namespace SemiSegEcg.Tests.Cli;

/// <summary>
/// The shell examples of README.md, read from the file itself: every command of a <c>bash</c> block (continuation lines
/// joined, comments dropped) and every <c>$ </c> line of a <c>text</c> block (a command shown with its output), in
/// document order.
/// </summary>
public static partial class ReadmeCommands
{
    /// <param name="Line">1-based line of the command in README.md.</param>
    /// <param name="Words">The command split as a POSIX shell would (quotes removed).</param>
    public sealed record Command(int Line, string Text, IReadOnlyList<string> Words);

    public static IReadOnlyList<Command> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var commands = new List<Command>();
        string? language = null;
        var pending = new StringBuilder();
        int pendingLine = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                language = language is null ? line[3..].Trim() : null;
                continue;
            }
            if (language is "bash" or "sh" or "shell")
            {
                string code = StripComment(line).TrimEnd();
                if (pending.Length == 0)
                {
                    if (code.Trim().Length == 0) continue;
                    pendingLine = i + 1;
                }
                bool continues = code.EndsWith('\\');
                pending.Append(continues ? code[..^1] : code).Append(' ');
                if (!continues)
                {
                    commands.Add(Make(pendingLine, pending.ToString()));
                    pending.Clear();
                }
            }
            else if (language is not null && line.StartsWith("$ ", StringComparison.Ordinal))
            {
                commands.Add(Make(i + 1, line[2..]));
            }
        }
        return commands;
    }

    private static Command Make(int line, string text)
    {
        string normalized = Whitespace().Replace(text, " ").Trim();
        return new Command(line, normalized, Split(normalized));
    }

    /// <summary>Drops a <c># comment</c> that starts a line or follows whitespace (not one inside quotes).</summary>
    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    /// <summary>Words as a POSIX shell splits them, for the quoting README uses (single and double quotes).</summary>
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote != '\0') throw new FormatException($"unclosed quote in: {command}");
        if (inWord) words.Add(word.ToString());
        return words;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
