using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Groups WFDB delineation marks — <c>(</c> onset, a peak symbol, <c>)</c> offset — into waves.
/// Peak symbols: <c>p</c> → P; <c>N</c> and every other beat label → QRS; <c>t</c> → T; <c>u</c> (U wave) is consumed
/// but yields no wave. Anything that does not fit the pattern is reported, never guessed.
/// </summary>
public static class WaveAnnotationParser
{
    /// <param name="requireOnset">LUDB marks every onset; QTDB's manual annotations often omit T onsets.</param>
    public static WaveParseResult Parse(IReadOnlyList<WfdbAnnotation> annotations, bool requireOnset)
    {
        var waves = new List<WaveSpan>();
        var problems = new List<string>();
        long? onset = null;
        (byte? classId, long sample, string symbol)? peak = null;

        foreach (var a in annotations)
        {
            switch (a.Symbol)
            {
                case "(":
                    if (onset is not null) problems.Add($"onset at {onset} has no peak/offset before the next onset at {a.Sample}");
                    if (peak is not null) problems.Add($"'{peak.Value.symbol}' at {peak.Value.sample} has no offset");
                    onset = a.Sample;
                    peak = null;
                    break;
                case ")":
                    if (peak is null)
                    {
                        problems.Add($"offset at {a.Sample} has no peak");
                    }
                    else if (onset is null && requireOnset)
                    {
                        problems.Add($"'{peak.Value.symbol}' at {peak.Value.sample} has no onset");
                    }
                    else if (peak.Value.classId is byte id)
                    {
                        waves.Add(new WaveSpan(id, onset, peak.Value.sample, a.Sample));
                    }
                    onset = null;
                    peak = null;
                    break;
                default:
                    if (!TryClassify(a, out byte? classId)) continue;
                    if (peak is not null) problems.Add($"'{peak.Value.symbol}' at {peak.Value.sample} has no offset");
                    peak = (classId, a.Sample, a.Symbol);
                    break;
            }
        }
        if (onset is not null) problems.Add($"onset at {onset} is never closed");
        if (peak is not null) problems.Add($"'{peak.Value.symbol}' at {peak.Value.sample} has no offset");
        return new WaveParseResult(waves, problems);
    }

    /// <summary>Returns false for marks that are not wave peaks (rhythm, noise, comments).</summary>
    private static bool TryClassify(WfdbAnnotation a, out byte? classId)
    {
        classId = a.Symbol switch
        {
            "p" => WaveLabels.P,
            "t" => WaveLabels.T,
            _ when AnnotationCodes.IsBeat(a.Code) => WaveLabels.Qrs,
            _ => null,
        };
        return classId is not null || a.Symbol == "u";
    }
}
