using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SemiSegEcg.IO;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Writes delineations as three CSV tables (comma-separated, invariant culture, empty cell = not available):
/// waves (one row per wave), beats (one row per beat) and summary (medians per lead, the consensus, and for a
/// multi-lead record without consensus the pooled "all leads" row). Rows of every lead come first, then the consensus.
/// </summary>
public static class DelineationCsvWriter
{
    public static readonly string[] WaveColumns =
        ["record", "lead", "wave", "onset_sample", "peak_sample", "offset_sample", "onset_s", "peak_s", "offset_s"];

    public static readonly string[] BeatColumns =
        ["record", "lead", "beat", "qrs_onset_sample", "hr_bpm", "rr_ms", "pr_ms", "qrs_ms", "qt_ms", "qtc_bazett_ms", "qtc_fridericia_ms"];

    public static readonly string[] SummaryColumns =
        ["record", "lead", "beats", "hr_bpm", "rr_ms", "pr_ms", "qrs_ms", "qt_ms", "qtc_bazett_ms", "qtc_fridericia_ms"];

    /// <summary>Writes <c>{name}.waves.csv</c>, <c>{name}.beats.csv</c> and <c>{name}.summary.csv</c> atomically; returns their paths.</summary>
    /// <param name="name">File name stem; null = the record name.</param>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<DelineationResult> results, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("no results to write", nameof(results));
        string stem = FileStem(name ?? results[0].RecordName);
        var paths = new[]
        {
            Path.Combine(directory, stem + ".waves.csv"),
            Path.Combine(directory, stem + ".beats.csv"),
            Path.Combine(directory, stem + ".summary.csv"),
        };
        AtomicFile.WriteAllText(paths[0], WavesCsv(results));
        AtomicFile.WriteAllText(paths[1], BeatsCsv(results));
        AtomicFile.WriteAllText(paths[2], SummaryCsv(results));
        return paths;
    }

    public static IReadOnlyList<string> Write(string directory, DelineationResult result) => Write(directory, [result]);

    public static string WavesCsv(IEnumerable<DelineationResult> results) => Table(WaveColumns, results, (csv, r) =>
    {
        double fs = r.SamplingRateHz;
        foreach (var track in r.Tracks)
        {
            foreach (var w in track.Waves)
            {
                Row(csv, r.RecordName, track.Lead, DelineationNumbers.WaveName(w.Kind), Int(w.Onset), Int(w.Peak), Int(w.Offset),
                    DelineationNumbers.SecondsText(w.OnsetSeconds(fs)), DelineationNumbers.SecondsText(w.PeakSeconds(fs)),
                    DelineationNumbers.SecondsText(w.OffsetSeconds(fs)));
            }
        }
    });

    public static string BeatsCsv(IEnumerable<DelineationResult> results) => Table(BeatColumns, results, (csv, r) =>
    {
        foreach (var track in r.Tracks)
        {
            foreach (var b in track.Beats)
            {
                Row(csv, r.RecordName, track.Lead, Int(b.Index), Int(b.Qrs.Onset), DelineationNumbers.MsText(b.HeartRateBpm),
                    DelineationNumbers.MsText(b.RrMs), DelineationNumbers.MsText(b.PrMs), DelineationNumbers.MsText(b.QrsMs),
                    DelineationNumbers.MsText(b.QtMs), DelineationNumbers.MsText(b.QtcBazettMs), DelineationNumbers.MsText(b.QtcFridericiaMs));
            }
        }
    });

    public static string SummaryCsv(IEnumerable<DelineationResult> results) => Table(SummaryColumns, results, (csv, r) =>
    {
        var summaries = r.Tracks.Select(t => t.Summary).ToList();
        if (r.Consensus is null && r.Leads.Count > 1) summaries.Add(r.Summary);
        foreach (var s in summaries)
        {
            Row(csv, r.RecordName, s.Source, Int(s.BeatCount), DelineationNumbers.MsText(s.HeartRateBpm), DelineationNumbers.MsText(s.RrMs),
                DelineationNumbers.MsText(s.PrMs), DelineationNumbers.MsText(s.QrsMs), DelineationNumbers.MsText(s.QtMs),
                DelineationNumbers.MsText(s.QtcBazettMs), DelineationNumbers.MsText(s.QtcFridericiaMs));
        }
    });

    /// <summary>A file-name-safe form of a record name (path separators and whitespace become '_').</summary>
    internal static string FileStem(string name)
    {
        var chars = name.Select(c => char.IsWhiteSpace(c) || c is '/' or '\\' or ':' || char.IsControl(c) ? '_' : c).ToArray();
        string stem = new(chars);
        return stem.Length == 0 ? "record" : stem;
    }

    private static string Table(string[] columns, IEnumerable<DelineationResult> results, Action<CsvWriter, DelineationResult> rows)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, configuration, leaveOpen: true))
        {
            foreach (string column in columns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var result in results) rows(csv, result);
        }
        return text.ToString();
    }

    private static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (string field in fields) csv.WriteField(field);
        csv.NextRecord();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
