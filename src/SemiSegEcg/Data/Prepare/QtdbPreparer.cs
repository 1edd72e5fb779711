using System.Globalization;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// QT Database v1.0.0: 105 two-lead 15-min records at 250 Hz. Labels are the manual <c>q1c</c> marks (annotator 1,
/// second pass), which cover a subset of beats and apply to both leads. The marks are grouped into contiguous annotated
/// stretches (a silence of more than <see cref="MaxGapSeconds"/> s, i.e. at least one unannotated beat, ends a stretch);
/// each stretch is cut into non-overlapping 10-s windows from its first mark, and only whole windows are kept, so every
/// labelled window lies inside annotated beats. With <see cref="UnannotatedPolicy.Ignore"/> the whole span from the first
/// to the last mark is tiled instead, and the unannotated gaps between stretches become 255 (ignored), which keeps
/// more signal without inventing labels. Both leads get the same mask. Subject = record.
/// </summary>
public sealed class QtdbPreparer(string rawDir, MaskOptions mask, string annotator = "q1c") : IDatabasePreparer
{
    /// <summary>The catalog entry of <c>data prepare qtdb</c>.</summary>
    public static DatabaseEntry Entry { get; } = new("qtdb", "QTDB", "QTDB", IsLabeled: true, DatabaseSource.RawFolder,
        inputs => new QtdbPreparer(inputs.Raw, inputs.Mask)) { Benchmarked = true };

    public const double MaxGapSeconds = 2.0;
    public const double WindowSeconds = 10.0;

    private readonly IReadOnlyList<string> _records = RawRecordList.Find(rawDir, "QTDB");

    public string Database => Entry.Title;
    public string Prefix => Entry.Prefix;
    public bool IsLabeled => Entry.IsLabeled;
    public int RecordCount => _records.Count;

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["raw"] = Path.GetFullPath(rawDir),
        ["annotator"] = annotator,
        ["offset_rule"] = mask.Offset.ToString(),
        ["unannotated"] = mask.Unannotated.ToString(),
        ["missing_onset"] = mask.MissingOnset.ToString(),
        ["max_gap_seconds"] = MaxGapSeconds.ToString(CultureInfo.InvariantCulture),
        ["window_seconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
    };

    public IEnumerable<PreparedSample> ReadSamples(ICollection<DroppedItem> dropped, IProgress<int>? recordsDone = null)
    {
        int done = 0;
        foreach (string name in _records)
        {
            foreach (var sample in ReadRecord(name, dropped)) yield return sample;
            recordsDone?.Report(++done);
        }
    }

    private IEnumerable<PreparedSample> ReadRecord(string name, ICollection<DroppedItem> dropped)
    {
        string annotationPath = Path.Combine(rawDir, $"{name}.{annotator}");
        if (!File.Exists(annotationPath))
        {
            dropped.Add(new DroppedItem($"record {name}", $"no {annotator} annotation file"));
            yield break;
        }
        var record = WfdbReader.Read(Path.Combine(rawDir, name));
        double fs = record.Header.SamplingFrequencyHz;
        int windowLength = (int)Math.Round(WindowSeconds * fs);
        var marks = WfdbAnnotationReader.Read(annotationPath);
        var parsed = WaveAnnotationParser.Parse(marks, requireOnset: false);
        if (!parsed.IsComplete)
            dropped.Add(new DroppedItem($"record {name} marks", $"{parsed.Problems.Count} marks form no wave and were ignored: {parsed.Problems[0]}"));

        var leads = Enumerable.Range(0, record.Header.Signals.Count)
            .Select(s => (Name: SampleSignals.LeadName(record.Header.Signals[s].Description), Signal: record.Physical(s)))
            .ToList();
        int window = 0;
        var stretches = Stretches(marks, fs);
        bool ignoreGaps = mask.Unannotated == UnannotatedPolicy.Ignore;
        var tiles = ignoreGaps ? [(stretches[0].First, stretches[^1].Last)] : stretches;
        foreach (var (first, last) in tiles)
        {
            var waves = parsed.Waves.Where(w => w.Offset >= first && (w.Onset ?? w.Peak ?? w.Offset) <= last).ToList();
            long tileLength = last - first + 1;
            if (tileLength < windowLength)
                dropped.Add(new DroppedItem($"record {name} stretch {first}–{last}", $"annotated stretch of {tileLength / fs:0.0} s is shorter than {WindowSeconds} s"));
            for (long start = first; start + windowLength <= last + 1; start += windowLength, window++)
            {
                if (start + windowLength > record.Header.SampleCount) break;
                byte[] label = MaskPainter.Paint(waves, windowLength, mask, start);
                if (ignoreGaps) MarkGaps(label, stretches, start);
                foreach (var (leadName, signal) in leads)
                {
                    string item = $"record {name} lead {leadName} window {window}";
                    if (SampleSignals.HasInvalidSamples(signal.AsSpan((int)start, windowLength).ToArray()))
                    {
                        dropped.Add(new DroppedItem(item, "window contains invalid (missing) ADC samples"));
                        continue;
                    }
                    var slice = SampleSignals.ToFloat32(signal[(int)start..(int)(start + windowLength)], item);
                    yield return new PreparedSample($"{name}_lead_{leadName}_w{window:D2}", name, fs, slice, label, item);
                }
            }
        }
    }

    /// <summary>Sets the samples between annotated stretches to 255 (window starts at <paramref name="start"/>).</summary>
    private static void MarkGaps(byte[] label, List<(long First, long Last)> stretches, long start)
    {
        for (int i = 0; i + 1 < stretches.Count; i++)
        {
            long from = Math.Max(stretches[i].Last + 1, start) - start;
            long to = Math.Min(stretches[i + 1].First, start + label.Length) - start;
            if (to > from) label.AsSpan((int)from, (int)(to - from)).Fill(WaveLabels.Ignore);
        }
    }

    /// <summary>Contiguous runs of marks: a gap longer than <see cref="MaxGapSeconds"/> starts a new stretch.</summary>
    private static List<(long First, long Last)> Stretches(IReadOnlyList<WfdbAnnotation> marks, double fs)
    {
        var stretches = new List<(long, long)>();
        long maxGap = (long)Math.Round(MaxGapSeconds * fs);
        long? first = null, last = null;
        foreach (var m in marks.Where(m => m.Symbol is "(" or ")" || IsWaveMark(m)))
        {
            if (first is null) { first = last = m.Sample; continue; }
            if (m.Sample - last!.Value > maxGap)
            {
                stretches.Add((first.Value, last.Value));
                first = m.Sample;
            }
            last = m.Sample;
        }
        if (first is not null) stretches.Add((first.Value, last!.Value));
        return stretches;
    }

    private static bool IsWaveMark(WfdbAnnotation m) => m.Symbol is "p" or "t" or "u" || AnnotationCodes.IsBeat(m.Code);

    public SubjectSplit Split(IReadOnlyCollection<SampleInfo> samples, long seed) =>
        SubjectSplitter.Split(samples.Select(s => s.SubjectId), seed);
}
