using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// QTDB's manual reference: the <c>q1c</c> file (annotator 1, second pass) marks selected beats only, once for both
/// leads, with T onsets mostly absent. The spans are <see cref="AnnotatedSpans.PerBeat"/>: a prediction is judged only
/// inside an annotated beat. Marks that form no wave are reported and ignored, as <c>data prepare</c> does.
/// </summary>
public static class QtdbReference
{
    public const string DefaultAnnotator = "q1c";

    /// <param name="problems">Receives one line when some marks formed no wave.</param>
    /// <returns>The reference, or null when the record has no such annotation file (QTDB ships q1c for every record).</returns>
    public static LeadReference? Read(string rawDir, string record, ICollection<string> problems, string annotator = DefaultAnnotator)
    {
        ArgumentNullException.ThrowIfNull(problems);
        string path = Path.Combine(rawDir, $"{record}.{annotator}");
        if (!File.Exists(path)) return null;
        var parsed = WaveAnnotationParser.Parse(WfdbAnnotationReader.Read(path), requireOnset: false);
        if (!parsed.IsComplete)
            problems.Add($"{path}: {parsed.Problems.Count} mark(s) form no wave and were ignored ({parsed.Problems[0]})");
        return new LeadReference(null, FiducialMarks.FromAnnotations(parsed.Waves), AnnotatedSpans.PerBeat(parsed.Waves)) { Waves = parsed.Waves };
    }
}
