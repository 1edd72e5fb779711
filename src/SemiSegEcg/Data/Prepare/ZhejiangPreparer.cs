using System.Globalization;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Zhejiang PVC/VT database (figshare, Zheng et al. 2020) with the delineation of Jiménez-Pérez et al.: signals
/// <c>PVCVTECGData/&lt;HospitalID&gt;.csv</c> (wavelet-denoised; the labels refer to these) or
/// <c>PVCVTRawECGData/&lt;HospitalID&gt;.csv</c>, 2000 Hz, 12 integer columns in µV; labels in <c>P.csv</c>,
/// <c>QRS.csv</c>, <c>T.csv</c> (see <see cref="ZhejiangLabelFile"/>). <c>Diagnosis.xlsx</c> is not needed.
/// <para><b>Samples.</b> Every record × lead is one sample (subject = HospitalID), in mV (values ÷ 1000). The label
/// files give each lead its own waves, so each lead is handled on its own: its labelled stretch runs from the earliest
/// onset to the latest offset over the three files. One 10-s window (20,000 samples) is cut per lead: a record of at
/// most 10 s is taken whole and zero-padded at the end; a longer one gets the window centred on the labelled stretch,
/// shifted to stay inside the record, so the whole stretch is inside whenever it is at most 10 s long. A longer
/// stretch (reported) loses the waves outside the centred window. Inside the window, samples outside the labelled
/// stretch are background, or 255 with <see cref="UnannotatedPolicy.Ignore"/>; padding likewise.</para>
/// <para><b>Labels.</b> Spans are painted with the mask options' offset rule (the files' offsets are inclusive:
/// <see cref="OffsetRule.Inclusive"/> reproduces them exactly). A lead needs a line in <c>QRS.csv</c>; a lead with no
/// line in <c>P.csv</c> or <c>T.csv</c> has no such waves (e.g. P waves hidden in a VT run). A lead is left out,
/// with the reason, when a line of it has an odd number of values or a pair with onset &gt; offset. A span lying
/// entirely outside the signal is left out (reported); one partly outside is clipped. Label lines of a HospitalID
/// without a signal file, and signal files without labels, are reported.</para>
/// <para><b>Split.</b> 60/20/20 by patient, nested labeled subsets as for LUDB.</para>
/// </summary>
public sealed class ZhejiangPreparer : IDatabasePreparer
{
    /// <summary>The catalog entry of <c>data prepare zhejiang</c>.</summary>
    public static DatabaseEntry Entry { get; } = new("zhejiang", "Zhejiang", "Zhejiang", IsLabeled: true, DatabaseSource.SignalsAndLabels,
        inputs => new ZhejiangPreparer(inputs.Signals, inputs.Labels, inputs.Mask, inputs.RawSignals)) { Benchmarked = true };

    public const string DenoisedFolder = "PVCVTECGData";
    public const string RawFolder = "PVCVTRawECGData";
    public const double SamplingRateHz = 2000;
    public const double WindowSeconds = 10.0;
    public const double MicrovoltsToMillivolts = 0.001;
    public static readonly string[] LabelFileNames = ["P.csv", "QRS.csv", "T.csv"];
    private static readonly byte[] LabelClasses = [WaveLabels.P, WaveLabels.Qrs, WaveLabels.T];

    private readonly string _signalDir;
    private readonly string _labelsDir;
    private readonly MaskOptions _mask;
    private readonly bool _rawSignals;
    private readonly List<string> _records;
    private readonly IReadOnlyDictionary<(string HospitalId, string Lead), ZhejiangLabelLine>[] _labels;
    private readonly List<DroppedItem> _unmatched = [];

    /// <param name="signalsDir">Folder holding <c>PVCVTECGData/</c> (and <c>PVCVTRawECGData/</c>), or the signal CSVs themselves.</param>
    /// <param name="labelsDir">Folder holding <c>P.csv</c>, <c>QRS.csv</c> and <c>T.csv</c>.</param>
    /// <param name="rawSignals">Use the unfiltered <c>PVCVTRawECGData</c> (the labels still come from the denoised timing).</param>
    public ZhejiangPreparer(string signalsDir, string labelsDir, MaskOptions mask, bool rawSignals = false)
    {
        _signalDir = SignalFolder(signalsDir, rawSignals);
        _labelsDir = labelsDir;
        _mask = mask;
        _rawSignals = rawSignals;
        if (!Directory.Exists(labelsDir))
            throw new DirectoryNotFoundException($"Zhejiang: label folder '{labelsDir}' does not exist (expected P.csv, QRS.csv, T.csv)");
        _labels = LabelFileNames.Select((name, i) => ZhejiangLabelFile.Read(Path.Combine(labelsDir, name), LabelClasses[i])).ToArray();

        var files = SubjectSplitter.SortSubjects(Directory.EnumerateFiles(_signalDir, "*.csv").Select(p => Path.GetFileNameWithoutExtension(p)!));
        if (files.Count == 0) throw new InvalidDataException($"Zhejiang: no signal files (*.csv) in '{_signalDir}'");
        var labelled = _labels.SelectMany(l => l.Keys.Select(k => k.HospitalId)).ToHashSet(StringComparer.Ordinal);
        var present = files.ToHashSet(StringComparer.Ordinal);
        _records = files.Where(labelled.Contains).ToList();
        foreach (string id in files.Where(f => !labelled.Contains(f)))
            _unmatched.Add(new DroppedItem($"patient {id}", $"{Path.GetFileName(_signalDir)}/{id}.csv has no line in {string.Join(", ", LabelFileNames)}"));
        foreach (string id in SubjectSplitter.SortSubjects(labelled.Where(id => !present.Contains(id))))
        {
            var where = LabelFileNames.Where((_, i) => _labels[i].Keys.Any(k => k.HospitalId == id));
            _unmatched.Add(new DroppedItem($"patient {id}", $"labelled in {string.Join(", ", where)} but {Path.GetFileName(_signalDir)}/{id}.csv does not exist"));
        }
        if (_records.Count == 0)
            throw new InvalidDataException($"Zhejiang: none of the {files.Count} signal files in '{_signalDir}' has labels in '{labelsDir}'");
    }

    public string Database => Entry.Title;
    public string Prefix => Entry.Prefix;
    public bool IsLabeled => Entry.IsLabeled;
    public int RecordCount => _records.Count;

    public static int WindowLength => (int)Math.Round(WindowSeconds * SamplingRateHz);

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["signals"] = Path.GetFullPath(_signalDir),
        ["labels"] = Path.GetFullPath(_labelsDir),
        ["raw_signals"] = _rawSignals.ToString(CultureInfo.InvariantCulture),
        ["offset_rule"] = _mask.Offset.ToString(),
        ["unannotated"] = _mask.Unannotated.ToString(),
        ["window_seconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
        ["window_rule"] = "per lead: whole record zero-padded when at most 10 s, else centred on the labelled stretch",
        ["units"] = "mV (file values / 1000)",
    };

    /// <summary>
    /// First sample of the window for a record of <paramref name="recordLength"/> samples whose labelled stretch is
    /// <c>[first, last]</c>: 0 for a record of at most one window, else the stretch centred, kept inside the record.
    /// </summary>
    public static long WindowStart(long recordLength, long first, long last, int windowLength)
    {
        if (recordLength <= windowLength) return 0;
        long start = (long)Math.Floor((first + last + 1 - windowLength) / 2.0);
        return Math.Clamp(start, 0, recordLength - windowLength);
    }

    public IEnumerable<PreparedSample> ReadSamples(ICollection<DroppedItem> dropped, IProgress<int>? recordsDone = null)
    {
        foreach (var item in _unmatched) dropped.Add(item);
        int done = 0;
        foreach (string id in _records)
        {
            string path = Path.Combine(_signalDir, id + ".csv");
            var leads = ZhejiangSignalCsv.Read(path);
            foreach (string lead in ZhejiangLeads.StandardOrder)
            {
                if (Sample(id, lead, leads[lead], path, dropped) is { } sample) yield return sample;
            }
            recordsDone?.Report(++done);
        }
    }

    public SubjectSplit Split(IReadOnlyCollection<SampleInfo> samples, long seed) =>
        SubjectSplitter.Split(samples.Select(s => s.SubjectId), seed);

    private PreparedSample? Sample(string id, string lead, double[] signal, string path, ICollection<DroppedItem> dropped)
    {
        string item = $"patient {id} lead {lead}";
        var lines = _labels.Select(l => l.GetValueOrDefault((id, lead))).ToArray();
        if (lines.All(l => l is null))
        {
            dropped.Add(new DroppedItem(item, $"no line for this lead in {string.Join(", ", LabelFileNames)}"));
            return null;
        }
        if (lines[1] is null)
        {
            dropped.Add(new DroppedItem(item, $"no line for this lead in {LabelFileNames[1]}"));
            return null;
        }
        if (lines.FirstOrDefault(l => l?.Problem is not null) is { } bad)
        {
            dropped.Add(new DroppedItem(item, $"{bad.Source}: {bad.Problem}"));
            return null;
        }

        long length = signal.Length;
        var waves = new List<WaveSpan>();
        foreach (var line in lines.OfType<ZhejiangLabelLine>())
        {
            foreach (var w in line.Waves)
            {
                if (w.Onset < length && w.Offset >= 0) waves.Add(w);
                else dropped.Add(new DroppedItem($"{item} span ({WaveLabels.Names[w.ClassId]}, {w.Onset}, {w.Offset})",
                    $"{line.Source}: lies outside the {length}-sample signal {Path.GetFileName(path)}; span left out"));
            }
        }
        if (waves.Count == 0)
        {
            dropped.Add(new DroppedItem(item, "no wave inside the signal"));
            return null;
        }
        waves.Sort((a, b) => (a.Onset!.Value, a.Offset).CompareTo((b.Onset!.Value, b.Offset)));

        int window = WindowLength;
        long first = Math.Max(0, waves.Min(w => w.Onset!.Value));
        long last = Math.Min(length - 1, waves.Max(w => w.Offset));
        long start = WindowStart(length, first, last, window);
        if (last - first + 1 > window)
            dropped.Add(new DroppedItem($"{item} waves outside the window", string.Create(CultureInfo.InvariantCulture,
                $"labelled stretch is {(last - first + 1) / SamplingRateHz:0.###} s, longer than the {WindowSeconds} s window centred on it; waves outside it are cut")));
        return new PreparedSample($"{id}_lead_{SampleSignals.LeadName(lead)}", id, SamplingRateHz,
            SampleWindow.Signal(signal, start, window, MicrovoltsToMillivolts),
            SampleWindow.Mask(waves, length, start, window, _mask),
            string.Create(CultureInfo.InvariantCulture, $"{item} samples {start}–{start + window - 1}"));
    }

    private static string SignalFolder(string signalsDir, bool rawSignals)
    {
        if (!Directory.Exists(signalsDir))
            throw new DirectoryNotFoundException($"Zhejiang: signal folder '{signalsDir}' does not exist");
        string wanted = Path.Combine(signalsDir, rawSignals ? RawFolder : DenoisedFolder);
        if (Directory.Exists(wanted)) return wanted;
        if (!rawSignals && Directory.EnumerateFiles(signalsDir, "*.csv").Any(f => !LabelFileNames.Contains(Path.GetFileName(f))))
            return signalsDir;
        throw new DirectoryNotFoundException($"Zhejiang: '{wanted}' does not exist (--signals must hold {DenoisedFolder}/ and {RawFolder}/)");
    }
}
