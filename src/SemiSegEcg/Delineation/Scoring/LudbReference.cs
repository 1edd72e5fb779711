using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// LUDB's manual reference: one annotation file per lead (<c>1.i</c>, <c>1.ii</c>, …), every beat between the first and
/// the last mark annotated, so the lead's span is <see cref="AnnotatedSpans.Whole"/>. A lead whose marks do not all
/// form complete onset/peak/offset triplets is left out, as <c>data prepare</c> leaves it out of the split.
/// </summary>
public static class LudbReference
{
    /// <param name="skipped">Receives one line per lead left out, naming the file and why.</param>
    public static IReadOnlyList<LeadReference> Read(string rawDir, string record, ICollection<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var header = WfdbHeaderParser.Read(Path.Combine(rawDir, record + ".hea"));
        var leads = new List<LeadReference>();
        foreach (var signal in header.Signals)
        {
            string path = Path.Combine(rawDir, $"{record}.{signal.Description}");
            if (!File.Exists(path))
            {
                skipped.Add($"{path}: annotation file is missing");
                continue;
            }
            var parsed = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read(path), requireOnset: true);
            if (!parsed.IsComplete)
            {
                skipped.Add($"{path}: incomplete onset/peak/offset triplets ({parsed.Problems[0]})");
                continue;
            }
            leads.Add(new LeadReference(signal.Description, FiducialMarks.FromAnnotations(parsed.Waves), AnnotatedSpans.Whole(parsed.Waves)) { Waves = parsed.Waves });
        }
        return leads;
    }
}
