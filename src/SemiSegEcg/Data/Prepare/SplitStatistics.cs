namespace SemiSegEcg.Data.Prepare;

/// <summary>Counts for one split of a prepared database.</summary>
/// <param name="ClassSamples">Time points per class id 0..3.</param>
/// <param name="ClassWaves">Number of waves (runs) per class id 1..3 (index 0 unused).</param>
/// <param name="IgnoredSamples">Time points labelled 255.</param>
public sealed record SplitStatistics(string Split, int Samples, int Subjects, long[] ClassSamples, long[] ClassWaves, long IgnoredSamples)
{
    public static SplitStatistics Of(string split, IReadOnlyCollection<SampleInfo> samples)
    {
        var classSamples = new long[WaveLabels.ClassCount];
        var classWaves = new long[WaveLabels.ClassCount];
        long ignored = 0;
        foreach (var s in samples)
        {
            for (int c = 0; c < WaveLabels.ClassCount; c++)
            {
                classSamples[c] += s.ClassSamples[c];
                classWaves[c] += s.ClassWaves[c];
            }
            ignored += s.IgnoredSamples;
        }
        return new SplitStatistics(split, samples.Count, samples.Select(s => s.SubjectId).Distinct().Count(),
            classSamples, classWaves, ignored);
    }
}
