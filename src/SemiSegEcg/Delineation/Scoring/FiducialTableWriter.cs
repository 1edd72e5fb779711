using System.Globalization;
using System.Text;
using System.Text.Json;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.IO;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// Writes scored tables as CSV (one row per setting × fiducial; empty cells where a value is undefined) and as JSON
/// (the tables plus the conventions they were scored under and the notes of the run).
/// </summary>
public static class FiducialTableWriter
{
    public const string CsvHeader = "setting,fiducial,references,matched,missed,false_positives,se_percent,ppv_percent,mean_error_ms,sd_error_ms,tolerance_ms,units";

    /// <summary>The rules every table was scored under, in words (printed, and written into the JSON).</summary>
    public static IReadOnlyList<string> Conventions(double toleranceMs, OffsetRule offsetRule) =>
    [
        string.Create(CultureInfo.InvariantCulture,
            $"matching: one-to-one, nearest first, per fiducial and record/lead; a pair matches when |predicted − reference| ≤ {toleranceMs:0.###} ms (floor to whole samples; the edge itself matches)"),
        "sign: error = predicted − reference; negative means the prediction is early",
        "Se = matched / annotated marks: only annotated marks are counted (a wave the annotator did not mark is never a miss)",
        "PPV = matched / (matched + unmatched predictions inside the annotated span): LUDB spans each lead from its first to its last mark; QTDB q1c spans each annotated beat from its first to its last mark (a P belongs to the next QRS, a T to the previous), so predictions between annotated beats are not judged",
        "mean ± SD: over all matched pairs pooled (SD divides by n)",
        offsetRule == OffsetRule.Exclusive
            ? "predicted offsets are the first background sample after a wave (offset rule Exclusive: the ')' sample was background in the training masks); onsets the first wave sample; peaks the signal extremum inside the wave"
            : "predicted offsets are the last sample of a wave (offset rule Inclusive: the ')' sample was part of the wave in the training masks); onsets the first wave sample; peaks the signal extremum inside the wave",
        "best lead: per reference mark the closest of the leads' matches; PPV undefined (false positives belong to one lead)",
    ];

    public static void WriteCsv(string path, IReadOnlyList<FiducialTable> tables) => AtomicFile.WriteAllText(path, ToCsv(tables));

    public static string ToCsv(IReadOnlyList<FiducialTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var table in tables)
        {
            foreach (var s in table.Scores)
            {
                text.AppendJoin(',', Quote(table.Name), s.Fiducial, s.References, s.Matched, s.Missed,
                        s.FalsePositives?.ToString(CultureInfo.InvariantCulture) ?? "",
                        Number(s.SensitivityPercent), Number(s.PositivePredictivityPercent), Number(s.MeanErrorMs), Number(s.ErrorSdMs),
                        Number(table.ToleranceMs), table.Units)
                    .Append('\n');
            }
        }
        return text.ToString();
    }

    public static void WriteJson(string path, IReadOnlyList<FiducialTable> tables, OffsetRule offsetRule, IReadOnlyList<string> notes) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartArray("conventions");
            foreach (string c in Conventions(tables.Count > 0 ? tables[0].ToleranceMs : FiducialScorer.DefaultToleranceMs, offsetRule)) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("tables");
            foreach (var table in tables)
            {
                json.WriteStartObject();
                json.WriteString("setting", table.Name);
                json.WriteNumber("tolerance_ms", table.ToleranceMs);
                json.WriteNumber("units", table.Units);
                json.WriteStartArray("fiducials");
                foreach (var s in table.Scores)
                {
                    json.WriteStartObject();
                    json.WriteString("fiducial", s.Fiducial.ToString());
                    json.WriteNumber("references", s.References);
                    json.WriteNumber("matched", s.Matched);
                    json.WriteNumber("missed", s.Missed);
                    if (s.FalsePositives is long fp) json.WriteNumber("false_positives", fp);
                    else json.WriteNull("false_positives");
                    Write(json, "se_percent", s.SensitivityPercent);
                    Write(json, "ppv_percent", s.PositivePredictivityPercent);
                    Write(json, "mean_error_ms", s.MeanErrorMs);
                    Write(json, "sd_error_ms", s.ErrorSdMs);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (string n in notes) json.WriteStringValue(n);
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void Write(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, Math.Round(value, 4));
        else json.WriteNull(name);
    }

    private static string Number(double value) => double.IsFinite(value) ? Math.Round(value, 4).ToString(CultureInfo.InvariantCulture) : "";

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
