using System.Globalization;
using CsvHelper;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// PTB-XL (unlabeled pool): each 10-s 12-lead 500-Hz record gives 12 single-lead samples; subject = <c>patient_id</c>
/// from <c>ptbxl_database.csv</c>. Records listed in the table but absent on disk (partial downloads) are reported.
/// </summary>
public sealed class PtbXlPreparer : IDatabasePreparer
{
    /// <summary>The catalog entry of <c>data prepare ptbxl</c> (also <c>ptb-xl</c>): the unlabeled pool.</summary>
    public static DatabaseEntry Entry { get; } = new("ptbxl", "PTB-XL", "PTBXL", IsLabeled: false, DatabaseSource.RawFolder,
        inputs => new PtbXlPreparer(inputs.Raw)) { Aliases = ["ptb-xl"] };

    private readonly string _rawDir;
    private readonly List<(string EcgId, string PatientId, string RecordPath)> _rows;
    private readonly int _listed;

    public PtbXlPreparer(string rawDir)
    {
        _rawDir = rawDir;
        string table = Path.Combine(rawDir, "ptbxl_database.csv");
        if (!File.Exists(table))
            throw new FileNotFoundException($"PTB-XL: '{table}' not found (the folder must hold ptbxl_database.csv and records500/)", table);
        var all = ReadTable(table);
        _listed = all.Count;
        _rows = all.Where(r => File.Exists(r.RecordPath + ".hea")).ToList();
        if (_rows.Count == 0)
            throw new InvalidDataException($"PTB-XL: none of the {_listed} records listed in {table} is present under {rawDir}");
    }

    public string Database => Entry.Title;
    public string Prefix => Entry.Prefix;
    public bool IsLabeled => Entry.IsLabeled;
    public int RecordCount => _rows.Count;

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["raw"] = Path.GetFullPath(_rawDir),
        ["records_listed"] = _listed.ToString(CultureInfo.InvariantCulture),
        ["records_present"] = _rows.Count.ToString(CultureInfo.InvariantCulture),
    };

    public IEnumerable<PreparedSample> ReadSamples(ICollection<DroppedItem> dropped, IProgress<int>? recordsDone = null)
    {
        if (_listed > _rows.Count)
            dropped.Add(new DroppedItem($"{_listed - _rows.Count} records", "listed in ptbxl_database.csv but not present on disk"));
        int done = 0;
        foreach (var (ecgId, patientId, recordPath) in _rows)
        {
            var record = WfdbReader.Read(recordPath);
            for (int s = 0; s < record.Header.Signals.Count; s++)
            {
                string lead = SampleSignals.LeadName(record.Header.Signals[s].Description);
                string item = $"ecg_id {ecgId} lead {lead}";
                double[] physical = record.Physical(s);
                if (SampleSignals.HasInvalidSamples(physical))
                {
                    dropped.Add(new DroppedItem(item, "contains invalid (missing) ADC samples"));
                    continue;
                }
                yield return new PreparedSample($"{ecgId}_lead_{lead}", patientId, record.Header.SamplingFrequencyHz,
                    SampleSignals.ToFloat32(physical, item), null, item);
            }
            recordsDone?.Report(++done);
        }
    }

    public SubjectSplit Split(IReadOnlyCollection<SampleInfo> samples, long seed) =>
        throw new NotSupportedException("PTB-XL is an unlabeled pool; it has no train/valid/test split");

    private List<(string EcgId, string PatientId, string RecordPath)> ReadTable(string table)
    {
        using var reader = new StreamReader(table);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        foreach (string column in new[] { "ecg_id", "patient_id", "filename_hr" })
        {
            if (!csv.HeaderRecord!.Contains(column))
                throw new InvalidDataException($"{table}: column '{column}' is missing");
        }
        var rows = new List<(string EcgId, string PatientId, string RecordPath)>();
        while (csv.Read())
        {
            string ecgId = csv.GetField("ecg_id") ?? "";
            string patient = csv.GetField("patient_id") ?? "";
            string file = csv.GetField("filename_hr") ?? "";
            if (!int.TryParse(ecgId, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
                throw new InvalidDataException($"{table} line {csv.Parser.Row}: field 'ecg_id' is '{ecgId}', expected an integer");
            if (patient.Length == 0 || file.Length == 0)
                throw new InvalidDataException($"{table} line {csv.Parser.Row}: field '{(patient.Length == 0 ? "patient_id" : "filename_hr")}' is empty");
            if (patient.EndsWith(".0", StringComparison.Ordinal)) patient = patient[..^2];
            rows.Add((id.ToString("D5", CultureInfo.InvariantCulture), patient, Path.Combine(_rawDir, file)));
        }
        return rows;
    }
}
