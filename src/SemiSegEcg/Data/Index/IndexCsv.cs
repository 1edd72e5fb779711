using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SemiSegEcg.Data.Pickle;
using SemiSegEcg.IO;

namespace SemiSegEcg.Data.Index;

/// <summary>
/// Split index files in the original's layout: CSV with columns <c>waveform,label,sample_rate,ID</c>
/// (pandas may add an unnamed leading index column; it is ignored), or, as the original also reads, a pickled pandas
/// DataFrame with those columns (<c>.pkl</c>). Indexes are always written as CSV.
/// </summary>
public static class IndexCsv
{
    public const string WaveformColumn = "waveform";
    public const string LabelColumn = "label";
    public const string SampleRateColumn = "sample_rate";
    public const string SubjectColumn = "ID";

    public static void Write(string path, IEnumerable<IndexEntry> entries)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField(WaveformColumn);
            csv.WriteField(LabelColumn);
            csv.WriteField(SampleRateColumn);
            csv.WriteField(SubjectColumn);
            csv.NextRecord();
            foreach (var e in entries)
            {
                csv.WriteField(e.Waveform);
                csv.WriteField(e.Label ?? "");
                csv.WriteField(e.SampleRateHz.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(e.SubjectId);
                csv.NextRecord();
            }
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads an index; <paramref name="waveformColumn"/>/<paramref name="labelColumn"/> follow the config's column names.</summary>
    /// <param name="requireLabels">When true every row must name a label file.</param>
    public static IReadOnlyList<IndexEntry> Read(string path, string waveformColumn = WaveformColumn,
        string labelColumn = LabelColumn, bool requireLabels = false)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: index file not found", path);
        if (path.EndsWith(".pkl", StringComparison.OrdinalIgnoreCase)) return ReadPickled(path, waveformColumn, labelColumn, requireLabels);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = true,
            BadDataFound = null,
        };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
            throw new InvalidDataException($"{path}: empty index file (expected a header with column '{waveformColumn}')");
        string[] header = csv.HeaderRecord ?? [];
        int waveformIndex = Array.IndexOf(header, waveformColumn);
        if (waveformIndex < 0)
            throw new InvalidDataException($"{path}: column '{waveformColumn}' is missing (columns: {string.Join(", ", header)})");
        int labelIndex = Array.IndexOf(header, labelColumn);
        if (requireLabels && labelIndex < 0)
            throw new InvalidDataException($"{path}: column '{labelColumn}' is missing (columns: {string.Join(", ", header)})");
        int rateIndex = Array.IndexOf(header, SampleRateColumn);
        int subjectIndex = Array.IndexOf(header, SubjectColumn);

        var entries = new List<IndexEntry>();
        try
        {
            while (csv.Read())
            {
                int line = csv.Parser.Row;
                string waveform = csv.GetField(waveformIndex) ?? "";
                if (waveform.Length == 0)
                    throw new InvalidDataException($"{path} line {line}: field '{waveformColumn}' is empty");
                string? label = labelIndex >= 0 ? csv.GetField(labelIndex) : null;
                if (string.IsNullOrEmpty(label)) label = null;
                if (requireLabels && label is null)
                    throw new InvalidDataException($"{path} line {line}: field '{labelColumn}' is empty in a labeled index");
                double rate = double.NaN;
                if (rateIndex >= 0 && csv.GetField(rateIndex) is { Length: > 0 } rateText &&
                    !double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out rate))
                    throw new InvalidDataException($"{path} line {line}: field '{SampleRateColumn}' is '{rateText}', expected a number");
                string subject = subjectIndex >= 0 ? csv.GetField(subjectIndex) ?? "" : "";
                entries.Add(new IndexEntry(waveform, label, rate, NormalizeSubject(subject)));
            }
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException($"{path} line {e.Context?.Parser?.Row}: malformed CSV ({e.Message.Split('\n')[0]})", e);
        }
        return entries;
    }

    /// <summary>
    /// A pandas DataFrame pickle, as the original accepts for <c>.pkl</c> index paths. The restricted unpickler
    /// rebuilds only the pandas and numpy objects a frame needs and refuses every other global, so a crafted file
    /// cannot run code; rows are checked like CSV lines.
    /// </summary>
    private static IReadOnlyList<IndexEntry> ReadPickled(string path, string waveformColumn, string labelColumn, bool requireLabels)
    {
        var frame = PandasFramePickleReader.Read(path);
        if (!frame.ColumnNames.Contains(waveformColumn))
            throw new InvalidDataException($"{path}: column '{waveformColumn}' is missing (columns: {string.Join(", ", frame.ColumnNames)})");
        if (requireLabels && !frame.ColumnNames.Contains(labelColumn))
            throw new InvalidDataException($"{path}: column '{labelColumn}' is missing (columns: {string.Join(", ", frame.ColumnNames)})");
        IReadOnlyList<object?>? Optional(string name) => frame.ColumnNames.Contains(name) ? frame.Column(name) : null;
        var waveforms = frame.Column(waveformColumn);
        var labels = Optional(labelColumn);
        var rates = Optional(SampleRateColumn);
        var subjects = Optional(SubjectColumn);

        var entries = new List<IndexEntry>(frame.RowCount);
        for (int row = 0; row < frame.RowCount; row++)
        {
            string waveform = CellText(waveforms[row]);
            if (waveform.Length == 0)
                throw new InvalidDataException($"{path} row {row}: field '{waveformColumn}' is empty");
            string? label = labels is null ? null : CellText(labels[row]);
            if (string.IsNullOrEmpty(label)) label = null;
            if (requireLabels && label is null)
                throw new InvalidDataException($"{path} row {row}: field '{labelColumn}' is empty in a labeled index");
            double rate = rates?[row] switch
            {
                null => double.NaN,
                long l => l,
                double d => d,
                var other => throw new InvalidDataException($"{path} row {row}: field '{SampleRateColumn}' is '{other}', expected a number"),
            };
            entries.Add(new IndexEntry(waveform, label, rate, NormalizeSubject(subjects is null ? "" : CellText(subjects[row]))));
        }
        return entries;
    }

    /// <summary>A frame cell as the CSV text pandas would write for it (missing values, NaN included, are empty).</summary>
    private static string CellText(object? cell) => cell switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>pandas writes integer IDs of a float column as "15709.0"; treat that as "15709".</summary>
    private static string NormalizeSubject(string subject) =>
        subject.EndsWith(".0", StringComparison.Ordinal) && long.TryParse(subject[..^2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long id)
            ? id.ToString(CultureInfo.InvariantCulture)
            : subject;
}
