namespace SemiSegEcg.Delineation;

/// <summary>
/// Turns what a user names into recordings to read: a recording as it is; a PhysioNet <c>RECORDS</c> file (one record
/// path per line, relative to the file) into its records; a folder into the records its <c>RECORDS</c> file lists, or
/// without one, into every WFDB record (<c>.hea</c>) and EDF file (<c>.edf</c>) in it, in natural order (2 before 10).
/// </summary>
public static class RecordingSources
{
    public const string RecordsFileName = "RECORDS";

    public static IReadOnlyList<string> Expand(string input)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        if (Directory.Exists(input))
        {
            string records = Path.Combine(input, RecordsFileName);
            if (File.Exists(records)) return FromRecordsFile(records);
            var found = Directory.EnumerateFiles(input)
                .Where(f => Path.GetExtension(f).Equals(".hea", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(f).Equals(".edf", StringComparison.OrdinalIgnoreCase))
                .Select(f => Path.GetExtension(f).Equals(".hea", StringComparison.OrdinalIgnoreCase) ? f[..^4] : f)
                .Order(NaturalOrder.Instance)
                .ToList();
            return found.Count > 0 ? found
                : throw new FileNotFoundException($"{input}: no WFDB records (.hea) or EDF files (.edf) in this folder, and no {RecordsFileName} file");
        }
        if (Path.GetFileName(input) == RecordsFileName && File.Exists(input)) return FromRecordsFile(input);
        return File.Exists(input) || File.Exists(input + ".hea") ? [input]
            : throw new FileNotFoundException($"{input}: no such file, folder or WFDB record ({input}.hea)", input);
    }

    /// <summary>
    /// The records a RECORDS file lists. A listed path that does not exist is looked up by its file name beside the
    /// RECORDS file too, since copies of a database often flatten its subfolders (LUDB lists <c>data/1</c>).
    /// </summary>
    private static List<string> FromRecordsFile(string recordsFile)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(recordsFile))!;
        var records = new List<string>();
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(recordsFile))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string listed = Path.Combine(folder, line.TrimEnd('/'));
            string flattened = Path.Combine(folder, Path.GetFileName(line.TrimEnd('/')));
            string? record = new[] { listed, flattened }.FirstOrDefault(r => File.Exists(r + ".hea") || File.Exists(r));
            string looked = listed == flattened ? $"no {line}.hea" : $"neither {line}.hea nor {Path.GetFileName(line)}.hea";
            records.Add(record ?? throw new FileNotFoundException(
                $"{recordsFile}: line {lineNumber}: no record '{line}' ({looked} beside the {RecordsFileName} file)"));
        }
        return records.Count > 0 ? records : throw new InvalidDataException($"{recordsFile}: lists no records");
    }

    /// <summary>Ordinal order, except that runs of digits compare by value: 2 before 10.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null) return string.CompareOrdinal(x, y);
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    int si = i, sj = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                    while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                    var a = x.AsSpan(si, i - si).TrimStart('0');
                    var b = y.AsSpan(sj, j - sj).TrimStart('0');
                    int byLength = a.Length.CompareTo(b.Length);
                    if (byLength != 0) return byLength;
                    int byDigits = a.SequenceCompareTo(b);
                    if (byDigits != 0) return byDigits;
                }
                else
                {
                    int c = x[i].CompareTo(y[j]);
                    if (c != 0) return c;
                    i++;
                    j++;
                }
            }
            return (x.Length - i).CompareTo(y.Length - j);
        }
    }
}
