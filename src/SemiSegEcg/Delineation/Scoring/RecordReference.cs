using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// The manual reference of one record, found beside it by annotator name. <see cref="PerLead"/> (<c>leads</c>) means
/// one annotation file per lead named by the lead as the WFDB header names it (LUDB: <c>1.i</c>, <c>1.ii</c>, …,
/// <c>1.v6</c>), each lead scored against its own file and spanned from its first to its last mark
/// (<see cref="LudbReference"/>). Any other name is one WFDB annotation file <c>&lt;record&gt;.&lt;annotator&gt;</c>
/// (QTDB's <c>q1c</c> or <c>pu</c>, an <c>atr</c>, …) that holds for every lead, judged beat by beat as QTDB's q1c is
/// (<see cref="QtdbReference"/>), since such files may mark selected beats only.
/// </summary>
public static class RecordReference
{
    public const string PerLead = "leads";

    /// <summary>The annotation files <paramref name="annotator"/> needs for <paramref name="input"/>.</summary>
    /// <param name="input">The recording as the user named it: a WFDB record (with or without <c>.hea</c>) or a file.</param>
    /// <param name="leads">The leads delineated (<c>--leads</c>), or null for all: only their files are needed.</param>
    /// <exception cref="InvalidDataException">Per-lead files asked of a recording without a WFDB header to name its leads.</exception>
    public static IReadOnlyList<string> RequiredFiles(string input, string annotator, IReadOnlyList<string>? leads = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(annotator);
        string record = RecordPath(input);
        if (!IsPerLead(annotator)) return [$"{record}.{annotator}"];
        string header = record + ".hea";
        if (!File.Exists(header))
            throw new InvalidDataException($"{input}: --reference {PerLead} needs a WFDB record, whose header names the per-lead annotation files");
        return WfdbHeaderParser.Read(header).Signals
            .Select(s => s.Description)
            .Where(lead => leads is null || leads.Any(l => string.Equals(l.Trim(), lead.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(lead => $"{record}.{lead}")
            .ToList();
    }

    /// <summary>Throws, naming the first missing file, unless every file <see cref="RequiredFiles"/> lists exists.</summary>
    /// <exception cref="FileNotFoundException">An annotation file is missing.</exception>
    public static void RequireFiles(string input, string annotator, IReadOnlyList<string>? leads = null)
    {
        foreach (string file in RequiredFiles(input, annotator, leads))
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"{file}: reference annotation file is missing (--reference {annotator})", file);
        }
    }

    /// <summary>The references of the record: one per annotated lead, or one with a null lead that holds for all.</summary>
    /// <param name="notes">Receives one line per lead left out or per mark that formed no wave, naming the file.</param>
    public static IReadOnlyList<LeadReference> Read(string input, string annotator, ICollection<string> notes)
    {
        ArgumentException.ThrowIfNullOrEmpty(annotator);
        string record = RecordPath(input);
        string folder = Path.GetDirectoryName(record) is { Length: > 0 } d ? d : ".";
        string name = Path.GetFileName(record);
        if (IsPerLead(annotator)) return LudbReference.Read(folder, name, notes);
        var shared = QtdbReference.Read(folder, name, notes, annotator)
            ?? throw new FileNotFoundException($"{record}.{annotator}: reference annotation file is missing (--reference {annotator})", $"{record}.{annotator}");
        return [shared];
    }

    /// <summary>A label for plots and tables: the annotator, or the per-lead file rule.</summary>
    public static string Describe(string annotator) => IsPerLead(annotator) ? "per-lead files" : annotator;

    private static bool IsPerLead(string annotator) => string.Equals(annotator, PerLead, StringComparison.OrdinalIgnoreCase);

    /// <summary>The record path without the extension of the file named (a WFDB header, an EDF, CSV or .npy file).</summary>
    private static string RecordPath(string input)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        string extension = Path.GetExtension(input).ToLowerInvariant();
        return extension is ".hea" or ".edf" or ".csv" or ".npy" ? input[..^extension.Length] : input;
    }
}
