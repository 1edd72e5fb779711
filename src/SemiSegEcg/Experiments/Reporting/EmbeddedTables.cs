namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// The report's tables kept inside a hand-written document (RESULTS.md) between two marker lines, so that the prose
/// around them is edited by hand while the numbers are only ever regenerated from the committed runs.
/// </summary>
public static class EmbeddedTables
{
    public const string BeginMarker = "<!-- semiseg report --into: begin (generated from the runs; do not edit by hand) -->";
    public const string EndMarker = "<!-- semiseg report --into: end -->";

    /// <summary>The tables rendered for embedding: headings one level below the document's sections.</summary>
    public static string Render(ResultTable table, BaselineComparison? comparison) =>
        MarkdownReport.RenderTables(table, comparison, headingLevel: 3).Trim('\n');

    /// <summary>The text between the markers, without the newlines that frame it.</summary>
    /// <exception cref="InvalidDataException">The markers are missing, repeated or out of order (the message names <paramref name="file"/>).</exception>
    public static string Extract(string document, string file)
    {
        var (start, end) = Locate(document, file);
        return document[start..end].Trim('\n');
    }

    /// <summary>The document with the text between the markers replaced by <paramref name="tables"/>.</summary>
    /// <exception cref="InvalidDataException">The markers are missing, repeated or out of order (the message names <paramref name="file"/>).</exception>
    public static string Replace(string document, string tables, string file)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var (start, end) = Locate(document, file);
        return document[..start] + "\n" + tables.Trim('\n') + "\n" + document[end..];
    }

    private static (int Start, int End) Locate(string document, string file)
    {
        ArgumentNullException.ThrowIfNull(document);
        int begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        int end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < 0)
            throw new InvalidDataException($"{file}: no place for the tables: it needs the two lines {BeginMarker} and {EndMarker}");
        if (document.IndexOf(BeginMarker, begin + 1, StringComparison.Ordinal) >= 0 || document.IndexOf(EndMarker, end + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidDataException($"{file}: the report markers appear more than once; keep one begin and one end line");
        if (end < begin) throw new InvalidDataException($"{file}: the report's end marker comes before its begin marker");
        return (begin + BeginMarker.Length, end);
    }
}
