using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// ISP ECG delineation dataset (Zenodo, Avetisyan et al. 2024): <c>train_data/</c> and <c>test_data/</c> folders of
/// 12-lead 1000-Hz WFDB records (leads <c>i … v6</c>, about 9,998–10,000 samples) and two CSVs,
/// <c>train_isp_delineation_data.csv</c> and <c>test_isp_delineation_data.csv</c>, whose <c>target</c> field lists
/// <c>(class, onset, offset)</c> tuples shared by all leads (integrated labels). Read from the unzipped folder or the
/// zip itself; the CSVs and the data folders are found at any depth.
/// <para><b>Samples.</b> Every record × lead is one sample; subject = record (the CSVs have no patient column).
/// Signals are converted to mV from the header's units (ISP stores µV; the original benchmark may have kept µV —
/// unknown) and brought to exactly 10 s (10,000 samples at 1000 Hz): shorter records are zero-padded at the end,
/// longer ones cropped at the end. Padded samples are labelled 0, or 255 with <see cref="UnannotatedPolicy.Ignore"/>
/// (which also marks everything before the first and after the last wave).</para>
/// <para><b>Labels.</b> Each span is painted with the mask options' offset rule (the ISP offset convention is not
/// documented). A span that runs past either end of the record is clipped to it; a span with onset &gt; offset, or
/// lying entirely outside the record, is left out and reported; a record left with no wave is dropped. Text that is
/// not a list of tuples, or a class other than 0/1/2, is an error naming the CSV, its line and the field.</para>
/// <para><b>Split.</b> The test CSV's records are the test split; the other records are split train:valid 3:1 by
/// subject (<see cref="SubjectSplitter.SplitWithFixedTest"/>), with nested labeled subsets as for LUDB.</para>
/// </summary>
public sealed class IspPreparer : IDatabasePreparer
{
    /// <summary>The catalog entry of <c>data prepare isp</c>; a zip's records are extracted briefly into the output folder, on the disk that receives the data anyway.</summary>
    public static DatabaseEntry Entry { get; } = new("isp", "ISP", "ISP", IsLabeled: true, DatabaseSource.RawFolder,
        inputs =>
        {
            Directory.CreateDirectory(inputs.Out);
            return new IspPreparer(inputs.Raw, inputs.Mask, scratchRoot: inputs.Out);
        }) { Benchmarked = true };

    public const string TrainCsvName = "train_isp_delineation_data.csv";
    public const string TestCsvName = "test_isp_delineation_data.csv";
    public const string TrainFolder = "train_data";
    public const string TestFolder = "test_data";
    public const double WindowSeconds = 10.0;
    public const double TrainShareOfRest = 0.75;

    private readonly IspSource _source;
    private readonly MaskOptions _mask;
    private readonly string? _scratchRoot;
    private readonly List<Row> _rows = [];
    private readonly List<DroppedItem> _missing = [];

    /// <param name="raw">The unzipped folder or <c>isp_delineation_dataset.zip</c>.</param>
    /// <param name="scratchRoot">Where a zip's records are briefly extracted (default: the system temp folder).</param>
    public IspPreparer(string raw, MaskOptions mask, string? scratchRoot = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(raw);
        _source = IspSource.Open(raw);
        _mask = mask;
        _scratchRoot = scratchRoot;
        var headers = FindHeaders();
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (csvName, folder, isTest) in new[] { (TrainCsvName, TrainFolder, false), (TestCsvName, TestFolder, true) })
        {
            string csv = FindUnique(csvName);
            foreach (var (record, waves, source) in ReadCsv(csv))
            {
                if (listed.TryGetValue(record, out string? first))
                    throw new InvalidDataException($"{source}: field 'file_name' is '{record}', which {first} lists already");
                listed[record] = source;
                if (headers.TryGetValue((folder, record), out string? header))
                    _rows.Add(new Row(record, isTest, header, waves, source));
                else
                    _missing.Add(new DroppedItem($"record {record}", $"listed in {csvName} but {folder}/{record}.hea is missing"));
            }
        }
        foreach (var ((folder, record), header) in headers.OrderBy(h => h.Value, StringComparer.Ordinal))
        {
            if (!listed.ContainsKey(record))
                _missing.Add(new DroppedItem($"record {record}", $"{header} has no row in {(folder == TestFolder ? TestCsvName : TrainCsvName)}"));
        }
        if (_rows.Count == 0)
            throw new InvalidDataException($"ISP: none of the {listed.Count} records listed in the CSVs under {_source.Root} has a .hea file in {TrainFolder}/ or {TestFolder}/");
    }

    public string Database => Entry.Title;
    public string Prefix => Entry.Prefix;
    public bool IsLabeled => Entry.IsLabeled;
    public int RecordCount => _rows.Count;

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["raw"] = _source.Root,
        ["offset_rule"] = _mask.Offset.ToString(),
        ["unannotated"] = _mask.Unannotated.ToString(),
        ["window_seconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
        ["length_rule"] = "zero-padded or cropped at the end to exactly 10 s",
        ["units"] = "mV (converted from the header units)",
        ["split"] = "own test split; other records train:valid 3:1 by record",
    };

    public IEnumerable<PreparedSample> ReadSamples(ICollection<DroppedItem> dropped, IProgress<int>? recordsDone = null)
    {
        foreach (var item in _missing) dropped.Add(item);
        using var session = _source.OpenRecords(_scratchRoot ?? Path.GetTempPath());
        int done = 0;
        foreach (var row in _rows)
        {
            var record = session.Read(row.Header);
            foreach (var sample in Samples(row, record, dropped)) yield return sample;
            recordsDone?.Report(++done);
        }
    }

    public SubjectSplit Split(IReadOnlyCollection<SampleInfo> samples, long seed)
    {
        var test = _rows.Where(r => r.IsTest).Select(r => r.Record).ToHashSet(StringComparer.Ordinal);
        var subjects = samples.Select(s => s.SubjectId).Distinct(StringComparer.Ordinal).ToList();
        return SubjectSplitter.SplitWithFixedTest(subjects, subjects.Where(test.Contains).ToList(), seed, TrainShareOfRest);
    }

    private IEnumerable<PreparedSample> Samples(Row row, WfdbRecord record, ICollection<DroppedItem> dropped)
    {
        double fs = record.Header.SamplingFrequencyHz;
        int length = checked((int)record.SampleCount);
        int target = (int)Math.Round(WindowSeconds * fs);
        var waves = UsableWaves(row, length, dropped);
        if (waves.Count == 0)
        {
            dropped.Add(new DroppedItem($"record {row.Record}", $"{row.Source}: field 'target' lists no wave inside the record"));
            yield break;
        }
        byte[] label = SampleWindow.Mask(waves, length, 0, target, _mask);
        for (int s = 0; s < record.Header.Signals.Count; s++)
        {
            var spec = record.Header.Signals[s];
            string lead = SampleSignals.LeadName(spec.Description);
            string item = $"record {row.Record} lead {lead}";
            double toMv = SignalUnits.ToMillivolts(spec.Units, $"{_source.Describe(row.Header)} signal {s} ('{spec.Description}')");
            double[] physical = record.Physical(s);
            if (SampleSignals.HasInvalidSamples(physical))
            {
                dropped.Add(new DroppedItem(item, "contains invalid (missing) ADC samples"));
                continue;
            }
            yield return new PreparedSample($"{row.Record}_lead_{lead}", row.Record, fs,
                SampleWindow.Signal(physical, 0, target, toMv), (byte[])label.Clone(), item);
        }
    }

    /// <summary>Waves sorted by onset, without the spans that cannot be painted (each reported).</summary>
    private static List<WaveSpan> UsableWaves(Row row, int length, ICollection<DroppedItem> dropped)
    {
        var usable = new List<WaveSpan>(row.Waves.Count);
        foreach (var w in row.Waves)
        {
            string span = $"({WaveLabels.Names[w.ClassId]}, {w.Onset}, {w.Offset})";
            string? problem = w.Onset > w.Offset ? "onset after offset"
                : w.Onset >= length ? $"starts after the record's last sample ({length - 1})"
                : w.Offset < 0 ? "ends before the record's first sample"
                : null;
            if (problem is null) usable.Add(w);
            else dropped.Add(new DroppedItem($"record {row.Record} target span {span}", $"{row.Source}: {problem}; span left out"));
        }
        return usable.OrderBy(w => w.Onset).ThenBy(w => w.Offset).ToList();
    }

    /// <summary>Every <c>.hea</c> directly inside a <c>train_data</c> or <c>test_data</c> folder, by (folder, record).</summary>
    private Dictionary<(string Folder, string Record), string> FindHeaders()
    {
        var headers = new Dictionary<(string, string), string>();
        foreach (string file in _source.Files.Where(f => f.EndsWith(".hea", StringComparison.OrdinalIgnoreCase)))
        {
            string[] parts = file.Split('/');
            if (parts.Length < 2 || parts[^2] is not (TrainFolder or TestFolder)) continue;
            var key = (parts[^2], parts[^1][..^".hea".Length]);
            if (headers.TryGetValue(key, out string? other))
                throw new InvalidDataException($"ISP: record {key.Item2} appears twice in {_source.Root}: {other} and {file}");
            headers[key] = file;
        }
        return headers;
    }

    private string FindUnique(string fileName)
    {
        var matches = _source.Files.Where(f => f.Split('/')[^1] == fileName).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new FileNotFoundException($"ISP: {fileName} not found in {_source.Root} (expected the unzipped isp_delineation_dataset folder or its zip)", fileName),
            _ => throw new InvalidDataException($"ISP: {fileName} appears {matches.Count} times in {_source.Root}: {string.Join(", ", matches)}"),
        };
    }

    private IEnumerable<(string Record, IReadOnlyList<WaveSpan> Waves, string Source)> ReadCsv(string relative)
    {
        string path = _source.Describe(relative);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true, BadDataFound = null };
        using var reader = new StringReader(_source.ReadText(relative));
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
            throw new InvalidDataException($"{path}: empty file (expected a header with columns file_name, target)");
        string[] header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        int nameIndex = Array.IndexOf(header, "file_name");
        int targetIndex = Array.IndexOf(header, IspTargetParser.Field);
        if (nameIndex < 0 || targetIndex < 0)
            throw new InvalidDataException($"{path}: column '{(nameIndex < 0 ? "file_name" : IspTargetParser.Field)}' is missing (columns: {string.Join(", ", header)})");
        var rows = new List<(string, IReadOnlyList<WaveSpan>, string)>();
        try
        {
            while (csv.Read())
            {
                string source = $"{path} line {csv.Parser.RawRow}";
                if (csv.Parser.Count == 1 && string.IsNullOrWhiteSpace(csv.GetField(0))) continue;
                string name = RecordName(csv.GetField(nameIndex) ?? "");
                if (name.Length == 0) throw new InvalidDataException($"{source}: field 'file_name' is empty");
                rows.Add((name, IspTargetParser.Parse(csv.GetField(targetIndex) ?? "", source), source));
            }
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException($"{path} line {e.Context?.Parser?.RawRow}: malformed CSV ({e.Message.Split('\n')[0]})", e);
        }
        return rows;
    }

    /// <summary>The record name from a <c>file_name</c> value: no folder, no <c>.hea</c>/<c>.dat</c> extension.</summary>
    private static string RecordName(string fileName)
    {
        string name = fileName.Trim().Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        foreach (string ext in new[] { ".hea", ".dat" })
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) name = name[..^ext.Length];
        }
        return name;
    }

    private sealed record Row(string Record, bool IsTest, string Header, IReadOnlyList<WaveSpan> Waves, string Source);
}
