using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SemiSegEcg.Tests.Cli;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Docs;

/// <summary>
/// The documentation's links hold: every relative link and <c>#anchor</c> in README.md and docs/ resolves inside the
/// repository, and source comments cite the behaviour reference by docs anchors that exist — never a document outside
/// the repository.
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed partial class DocsLinksTests
{
    private static readonly string Root = SharedData.RepoRoot;

    /// <summary>Citations of the original's behaviour spec, which is not in the repository (built so this file does not match itself).</summary>
    private static readonly string[] OutsideCitations = ["spec " + "\u00a7", "REFERENCE" + "-SPEC", "README " + "\u00a7", "shared/" + "docs"];

    [Fact]
    public void Should_Resolve_Every_Relative_Link_And_Anchor_In_The_Readme_And_The_Docs()
    {
        var broken = new List<string>();
        foreach (string page in ReadmeCommands.PagesOnDisk(Root))
        {
            string path = Path.Combine(Root, page);
            foreach (var (line, target) in Links(File.ReadAllText(path)))
            {
                if (Problem(path, target) is { } problem) broken.Add($"{page} line {line}: ({target}) {problem}");
            }
        }

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Should_Cite_Only_Docs_Anchors_That_Exist_In_Source_Comments()
    {
        var problems = new List<string>();
        int citations = 0;
        foreach (string file in SourceFiles())
        {
            string relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (string outside in OutsideCitations.Where(o => lines[i].Contains(o, StringComparison.Ordinal)))
                    problems.Add($"{relative} line {i + 1}: cites '{outside}…' outside the repository; point at a docs/reference anchor instead");
                foreach (Match m in DocsCitation().Matches(lines[i]))
                {
                    citations++;
                    if (Problem(Path.Combine(Root, "README.md"), m.Value) is { } problem) problems.Add($"{relative} line {i + 1}: {m.Value} {problem}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(citations > 0, "no docs/… citation found in src/, tests/ or configs/; is the repository root right?");
    }

    [Fact]
    public void Should_Keep_The_Docs_Free_Of_Paths_Outside_The_Repository()
    {
        var problems = ReadmeCommands.PagesOnDisk(Root)
            .SelectMany(page => OutsideCitations.Where(o => File.ReadAllText(Path.Combine(Root, page)).Contains(o, StringComparison.Ordinal))
                .Select(o => $"{page} mentions '{o}'"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("ST++ (stpp)", "st-stpp")]
    [InlineData("How the original's LUDB files were made", "how-the-originals-ludb-files-were-made")]
    [InlineData("Weak augmentation: RandomResizeCrop", "weak-augmentation-randomresizecrop")]
    [InlineData("`mIoU_pooled` and [links](x.md)", "miou_pooled-and-links")]
    [InlineData("ResNet-18-1D", "resnet-18-1d")]
    public void Should_Make_Anchors_As_GitHub_Does(string heading, string anchor) => Assert.Equal(anchor, Slug(heading));

    [Fact]
    public void Should_Find_Links_Across_Lines_But_Not_In_Code()
    {
        const string markdown = "see [a\nb](x.md#y) and `[c](not.md)`\n```\n[d](not.md)\n```\n[e](#z)\n";

        Assert.Equal([(2, "x.md#y"), (6, "#z")], Links(markdown));
    }

    /// <summary>Why a link from <paramref name="fromFile"/> does not resolve, or null when it does (web links are not checked).</summary>
    private static string? Problem(string fromFile, string target)
    {
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) return null;
        int hash = target.IndexOf('#', StringComparison.Ordinal);
        string file = hash < 0 ? target : target[..hash];
        string? anchor = hash < 0 ? null : target[(hash + 1)..];
        string full = file.Length == 0 ? fromFile : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFile)!, file));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return "points outside the repository";
        if (!File.Exists(full) && !Directory.Exists(full)) return "names a file that does not exist";
        if (anchor is null) return null;
        if (!full.EndsWith(".md", StringComparison.Ordinal)) return "has an anchor into a file that is not markdown";
        return Anchors(File.ReadAllText(full)).Contains(anchor) ? null : $"names an anchor that {Path.GetFileName(full)} does not have";
    }

    /// <summary>Inline links <c>[text](target)</c> outside code, with the line their target starts on.</summary>
    private static List<(int Line, string Target)> Links(string markdown)
    {
        string prose = BlankCode(markdown);
        return InlineLink().Matches(prose)
            .Select(m => (prose[..m.Groups["target"].Index].Count(c => c == '\n') + 1, m.Groups["target"].Value))
            .ToList();
    }

    /// <summary>The anchors GitHub gives a page's headings (duplicates numbered -1, -2, …), and explicit <c>id</c>s.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in BlankCode(markdown).Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } h)
            {
                string slug = Slug(h.Groups["text"].Value);
                int n = seen.GetValueOrDefault(slug);
                seen[slug] = n + 1;
                anchors.Add(n == 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}"));
            }
            foreach (Match id in ExplicitId().Matches(line)) anchors.Add(id.Groups["id"].Value);
        }
        return anchors;
    }

    /// <summary>GitHub's heading anchor: the rendered text lower-cased, punctuation other than '-' and '_' dropped, spaces as '-'.</summary>
    private static string Slug(string heading)
    {
        string text = InlineLink().Replace(heading, m => m.Groups["text"].Value).Replace("`", "", StringComparison.Ordinal)
            .Replace("*", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }
        return slug.ToString();
    }

    /// <summary>The text with fenced code blocks and inline code spans replaced by spaces (line breaks kept).</summary>
    private static string BlankCode(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        bool fenced = false;
        for (int i = 0; i < lines.Length; i++)
        {
            bool fence = lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (fence || fenced) lines[i] = new string(' ', lines[i].Length);
            if (fence) fenced = !fenced;
        }
        return CodeSpan().Replace(string.Join('\n', lines), m => new string(' ', m.Length));
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "configs" }.SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""")]
    private static partial Regex ExplicitId();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();

    /// <summary>A repository path into docs/ as source comments cite it, e.g. <c>docs/reference/original-behaviour.md#fixmatch</c>.</summary>
    [GeneratedRegex(@"docs/[\w./-]+\.md(?:#[\w-]+)?")]
    private static partial Regex DocsCitation();
}
