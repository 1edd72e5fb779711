using System.Globalization;

namespace SemiSegEcg.Delineation;

/// <summary>The CSV part of <see cref="RecordingReader"/>: lead columns with names, NaN where a cell is empty.</summary>
internal static class CsvRecordingParser
{
    private static readonly HashSet<string> TimeColumnNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "t", "seconds", "sec", "secs", "time_s", "times", "time_sec", "elapsed",
    };

    public static (string[] Names, double[][] Leads) Parse(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"{path}: no such file", path, e);
        }

        var content = new List<(int LineNumber, string Text)>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            content.Add((i + 1, line));
        }
        if (content.Count == 0) throw new InvalidDataException($"{path}: the file has no rows");

        string first = content[0].Text;
        char separator = first.Contains(';') ? ';' : first.Contains(',') ? ',' : first.Contains('\t') ? '\t' : ',';
        bool decimalComma = separator == ';';

        string[] firstCells = Split(first, separator);
        bool hasHeader = firstCells.Any(c => !TryNumber(c, decimalComma, out _));
        int columns = firstCells.Length;
        string[] names = hasHeader
            ? firstCells.Select((c, i) => c.Length > 0 ? c : $"column{i + 1}").ToArray()
            : Enumerable.Range(1, columns).Select(i => $"lead{i}").ToArray();
        var keep = Enumerable.Range(0, columns).Where(c => !hasHeader || !IsTimeColumn(names[c])).ToArray();
        if (keep.Length == 0) throw new InvalidDataException($"{path} line {content[0].LineNumber}: the header names only a time column, no lead");

        int rowCount = content.Count - (hasHeader ? 1 : 0);
        if (rowCount == 0) throw new InvalidDataException($"{path}: the header row is followed by no data rows");
        var leads = keep.Select(_ => new double[rowCount]).ToArray();
        for (int r = 0; r < rowCount; r++)
        {
            var (lineNumber, text) = content[r + (hasHeader ? 1 : 0)];
            string[] cells = Split(text, separator);
            if (cells.Length != columns)
                throw new InvalidDataException($"{path} line {lineNumber}: {cells.Length} fields, but {(hasHeader ? "the header" : "the first row")} has {columns}");
            for (int k = 0; k < keep.Length; k++)
            {
                string cell = cells[keep[k]];
                if (cell.Length == 0)
                {
                    leads[k][r] = double.NaN;
                }
                else if (!TryNumber(cell, decimalComma, out double value) || double.IsInfinity(value))
                {
                    throw new InvalidDataException($"{path} line {lineNumber}: field '{names[keep[k]]}' is '{Shorten(cell)}', expected a number");
                }
                else
                {
                    leads[k][r] = value;
                }
            }
        }
        return (keep.Select(c => names[c]).ToArray(), leads);
    }

    private static string[] Split(string line, char separator) =>
        line.Split(separator).Select(c => c.Trim().Trim('"').Trim()).ToArray();

    private static bool TryNumber(string cell, bool decimalComma, out double value)
    {
        string text = decimalComma && cell.Contains(',') && !cell.Contains('.') ? cell.Replace(',', '.') : cell;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsTimeColumn(string name)
    {
        // "time (s)", "t [ms]" and "time_s" all name a time column.
        string bare = name;
        int bracket = bare.IndexOfAny(['(', '[']);
        if (bracket > 0) bare = bare[..bracket];
        return TimeColumnNames.Contains(bare.Trim());
    }

    private static string Shorten(string cell) => cell.Length > 40 ? cell[..40] + "…" : cell;
}
