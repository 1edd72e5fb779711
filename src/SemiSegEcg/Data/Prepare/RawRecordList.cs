using System.Globalization;

namespace SemiSegEcg.Data.Prepare;

/// <summary>Finds the records of a raw WFDB database: its <c>RECORDS</c> file, else every <c>.hea</c> in the folder.</summary>
public static class RawRecordList
{
    public static IReadOnlyList<string> Find(string rawDir, string database)
    {
        if (!Directory.Exists(rawDir))
            throw new DirectoryNotFoundException($"{database}: raw data folder '{rawDir}' does not exist");
        string recordsFile = Path.Combine(rawDir, "RECORDS");
        IEnumerable<string> names = File.Exists(recordsFile)
            ? File.ReadAllLines(recordsFile).Select(l => l.Trim()).Where(l => l.Length > 0)
                .Select(l => l.StartsWith("data/", StringComparison.Ordinal) ? l["data/".Length..] : l)
            : Directory.EnumerateFiles(rawDir, "*.hea").Select(p => Path.GetFileNameWithoutExtension(p));
        var list = names
            .OrderBy(n => long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : long.MaxValue)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        if (list.Count == 0)
            throw new InvalidDataException($"{database}: no WFDB records (.hea files) in '{rawDir}'");
        return list;
    }
}
