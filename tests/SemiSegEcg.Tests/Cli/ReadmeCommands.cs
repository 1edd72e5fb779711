using System.Text;
using System.Text.RegularExpressions;

namespace SemiSegEcg.Tests.Cli;

/// <summary>
/// The shell examples of README.md and of the pages in docs/, read from the files themselves: every command of a
/// <c>bash</c> block (continuation lines joined, comments dropped) and every <c>$ </c> line of a <c>text</c> block (a
/// command shown with its output), in document order, page after page in <see cref="Pages"/> order.
/// </summary>
public static partial class ReadmeCommands
{
    /// <summary>
    /// Every documentation page, repository-relative, in the order its examples run: README.md first, then the docs in
    /// reading order, so a page may use what an earlier page's examples made (data prepared before training, a run
    /// trained before it is delineated). A page added to docs/ must be placed here.
    /// </summary>
    public static IReadOnlyList<string> Pages { get; } =
    [
        "README.md",
        "docs/getting-started.md",
        "docs/data.md",
        "docs/configuration.md",
        "docs/training-and-methods.md",
        "docs/models.md",
        "docs/augmentations.md",
        "docs/metrics.md",
        "docs/delineation.md",
        "docs/sweep-and-report.md",
        "docs/development.md",
        "docs/extending.md",
        "docs/reference/original-behaviour.md",
        "docs/reference/fixtures.md",
    ];

    /// <param name="Line">1-based line of the command in its page.</param>
    /// <param name="Words">The command split as a POSIX shell would (quotes removed).</param>
    /// <param name="Page">The page, repository-relative (e.g. <c>docs/data.md</c>).</param>
    public sealed record Command(int Line, string Text, IReadOnlyList<string> Words, string Page = "README.md")
    {
        /// <summary>Where the command is written, e.g. <c>docs/data.md line 12</c>.</summary>
        public string Location => $"{Page} line {Line}";
    }

    /// <summary>The examples of every page of <see cref="Pages"/> under <paramref name="repoRoot"/>, in run order.</summary>
    public static IReadOnlyList<Command> ParseAll(string repoRoot) =>
        Pages.SelectMany(page => Parse(File.ReadAllText(Path.Combine(repoRoot, page))).Select(c => c with { Page = page })).ToList();

    /// <summary>Every markdown page of README.md and docs/ (repository-relative, '/'-separated), listed or not.</summary>
    public static IReadOnlyList<string> PagesOnDisk(string repoRoot) =>
        Directory.EnumerateFiles(Path.Combine(repoRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repoRoot, f).Replace('\\', '/'))
            .Prepend("README.md").Order(StringComparer.Ordinal).ToList();

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

    /// <summary>Words as a POSIX shell splits them, for the quoting the docs use (single and double quotes).</summary>
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
