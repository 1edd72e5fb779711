using System.Globalization;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// LUDB v1.0.1: 200 ten-second 12-lead records at 500 Hz with per-lead manual boundaries. Every record × lead becomes
/// one 5000-sample sample; subject = record. Lead files whose marks do not all form complete <c>( peak )</c> triplets
/// (31 of 2,400) are dropped by default, which gives the original's 2,369 samples.
/// </summary>
public sealed class LudbPreparer(string rawDir, MaskOptions mask, bool keepIncompleteLeads = false) : IDatabasePreparer
{
    /// <summary>The catalog entry of <c>data prepare ludb</c>.</summary>
    public static DatabaseEntry Entry { get; } = new("ludb", "LUDB", "LUDB", IsLabeled: true, DatabaseSource.RawFolder,
        inputs => new LudbPreparer(inputs.Raw, inputs.Mask, inputs.KeepIncomplete)) { Benchmarked = true };

    private readonly IReadOnlyList<string> _records = RawRecordList.Find(rawDir, "LUDB");

    public string Database => Entry.Title;
    public string Prefix => Entry.Prefix;
    public bool IsLabeled => Entry.IsLabeled;
    public int RecordCount => _records.Count;

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["raw"] = Path.GetFullPath(rawDir),
        ["offset_rule"] = mask.Offset.ToString(),
        ["unannotated"] = mask.Unannotated.ToString(),
        ["unannotated_signal"] = mask.OutsideSignal.ToString(),
        ["keep_incomplete_leads"] = keepIncompleteLeads.ToString(CultureInfo.InvariantCulture),
    };

    public IEnumerable<PreparedSample> ReadSamples(ICollection<DroppedItem> dropped, IProgress<int>? recordsDone = null)
    {
        int done = 0;
        foreach (string name in _records)
        {
            var record = WfdbReader.Read(Path.Combine(rawDir, name));
            int length = checked((int)record.Header.SampleCount);
            for (int s = 0; s < record.Header.Signals.Count; s++)
            {
                string lead = record.Header.Signals[s].Description;
                string annotationPath = Path.Combine(rawDir, $"{name}.{lead}");
                string item = $"record {name} lead {lead}";
                if (!File.Exists(annotationPath))
                {
                    dropped.Add(new DroppedItem(item, $"annotation file {Path.GetFileName(annotationPath)} is missing"));
                    continue;
                }
                var parsed = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read(annotationPath), requireOnset: true);
                if (!parsed.IsComplete && !keepIncompleteLeads)
                {
                    dropped.Add(new DroppedItem(item, "incomplete onset/peak/offset triplets: " + string.Join("; ", parsed.Problems.Take(3))));
                    continue;
                }
                var signal = SampleSignals.ToFloat32(record.Physical(s), $"{item} ({record.Header.HeaderPath})");
                MaskPainter.ApplyOutsideSignal(signal, parsed.Waves, mask);
                yield return new PreparedSample($"{name}_lead_{SampleSignals.LeadName(lead)}", name, record.Header.SamplingFrequencyHz,
                    signal, MaskPainter.Paint(parsed.Waves, length, mask), item);
            }
            recordsDone?.Report(++done);
        }
    }

    public SubjectSplit Split(IReadOnlyCollection<SampleInfo> samples, long seed) =>
        SubjectSplitter.Split(samples.Select(s => s.SubjectId), seed);
}
