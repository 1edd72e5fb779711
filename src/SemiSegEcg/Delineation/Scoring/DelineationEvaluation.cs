using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// Runs a delineator over annotated records and scores it per <see cref="Fiducial"/> the way the literature does (see
/// <see cref="FiducialScorer"/> for matching, tolerance and sign, <see cref="AnnotatedSpans"/> for how partial
/// annotations bound PPV). The lead combinations reported:
/// <list type="bullet">
/// <item>LUDB, single lead: every annotated lead's own delineation against that lead's annotation, pooled.</item>
/// <item>LUDB, leads without annotated P: the single-lead scores of the leads whose annotation has no P wave (atrial
/// fibrillation, flutter, pacing): every P predicted there is a false positive, so its count measures false P waves.</item>
/// <item>LUDB, lead consensus: the record's one consensus track (<see cref="LeadConsensus"/>) against every annotated
/// lead's annotation, pooled: how far one answer per record lies from each lead's marks.</item>
/// <item>QTDB, lead 1 and lead 2: each signal's delineation against q1c (annotated once for both leads).</item>
/// <item>QTDB, best lead: per mark, the lead whose match is closest (<see cref="FiducialScorer.AddBestOf"/>).</item>
/// <item>QTDB, lead consensus: the two-lead consensus track against q1c.</item>
/// </list>
/// </summary>
/// <param name="delineate">The delineation of one recording (a model behind a <see cref="Delineator"/>, in the CLI).</param>
/// <param name="offsetRule">The offset rule the model's training masks were painted with (<see cref="FiducialMarks.FromWaves"/>).</param>
public sealed class DelineationEvaluation(Func<RecordingInput, DelineationResult> delineate, OffsetRule offsetRule, double toleranceMs = FiducialScorer.DefaultToleranceMs)
{
    /// <summary>Signal kept on each side of QTDB's annotated stretch: context for the windows at its ends.</summary>
    public const double QtdbMarginSeconds = 10;

    public const string LeadsWithoutPName = "LUDB test, leads without annotated P";

    public IReadOnlyList<FiducialTable> ScoreLudb(string rawDir, IReadOnlyList<string> records, ICollection<string> notes, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var single = new FiducialScorer(toleranceMs);
        var consensus = new FiducialScorer(toleranceMs);
        var withoutP = new FiducialScorer(toleranceMs);
        foreach (string record in records)
        {
            var references = LudbReference.Read(rawDir, record, notes);
            var result = delineate(RecordingReader.Read(Path.Combine(rawDir, record)));
            foreach (var reference in references)
            {
                var lead = result.Leads.FirstOrDefault(l => string.Equals(l.Lead.Trim(), reference.Lead, StringComparison.OrdinalIgnoreCase));
                if (lead is null)
                {
                    notes.Add($"{Path.Combine(rawDir, record)}: lead {reference.Lead} was not delineated (no valid samples)");
                    continue;
                }
                var predicted = FiducialMarks.FromWaves(lead.Waves, offsetRule);
                single.Add(reference.Marks, predicted, reference.Spans, result.SamplingRateHz);
                if (reference.Marks[Fiducial.POnset].Count == 0) withoutP.Add(reference.Marks, predicted, reference.Spans, result.SamplingRateHz);
                if (result.Consensus is { } track)
                    consensus.Add(reference.Marks, FiducialMarks.FromWaves(track.Waves, offsetRule), reference.Spans, result.SamplingRateHz);
            }
            progress?.Report($"LUDB {record}: {references.Count} annotated lead(s)");
        }
        return [single.ToTable("LUDB test, single lead"), withoutP.ToTable(LeadsWithoutPName), consensus.ToTable("LUDB test, lead consensus")];
    }

    public IReadOnlyList<FiducialTable> ScoreQtdb(string rawDir, IReadOnlyList<string> records, ICollection<string> notes, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var first = new FiducialScorer(toleranceMs);
        var second = new FiducialScorer(toleranceMs);
        var best = new FiducialScorer(toleranceMs);
        var consensus = new FiducialScorer(toleranceMs);
        foreach (string record in records)
        {
            var reference = QtdbReference.Read(rawDir, record, notes);
            if (reference is null || reference.Spans.Spans.Count == 0)
            {
                notes.Add($"{Path.Combine(rawDir, record)}: no {QtdbReference.DefaultAnnotator} waves; record not scored");
                continue;
            }
            var (recording, start) = AroundAnnotations(RecordingReader.Read(Path.Combine(rawDir, record)), reference.Spans);
            var result = delineate(recording);
            var leads = result.Leads.Select(l => FiducialMarks.FromWaves(l.Waves, offsetRule).Shifted(start)).ToList();
            double fs = result.SamplingRateHz;
            first.Add(reference.Marks, leads[0], reference.Spans, fs);
            if (leads.Count > 1) second.Add(reference.Marks, leads[1], reference.Spans, fs);
            best.AddBestOf(reference.Marks, leads, fs);
            if (result.Consensus is { } track)
                consensus.Add(reference.Marks, FiducialMarks.FromWaves(track.Waves, offsetRule).Shifted(start), reference.Spans, fs);
            progress?.Report($"QTDB {record}: {string.Join("+", result.Leads.Select(l => l.Lead))}, {reference.Marks[Fiducial.QrsOnset].Count} annotated QRS");
        }
        return
        [
            first.ToTable("QTDB q1c, lead 1"),
            second.ToTable("QTDB q1c, lead 2"),
            best.ToTable("QTDB q1c, best lead"),
            consensus.ToTable("QTDB q1c, lead consensus"),
        ];
    }

    /// <summary>
    /// The part of a long record around its annotated beats (plus <see cref="QtdbMarginSeconds"/> each side), and the
    /// sample it starts at: only predictions near annotated beats are ever judged, so the rest need not be delineated.
    /// </summary>
    private static (RecordingInput Recording, int Start) AroundAnnotations(RecordingInput recording, AnnotatedSpans spans)
    {
        int margin = (int)Math.Round(QtdbMarginSeconds * recording.SamplingRateHz);
        int start = Math.Max(0, spans.Spans[0].First - margin);
        int end = Math.Min(recording.LengthSamples, spans.Spans.Max(s => s.Last) + margin + 1);
        return (recording with { Leads = recording.Leads.Select(l => l[start..end]).ToArray() }, start);
    }
}
