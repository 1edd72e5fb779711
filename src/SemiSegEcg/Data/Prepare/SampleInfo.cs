namespace SemiSegEcg.Data.Prepare;

/// <summary>What the writer keeps of a sample once its files are on disk.</summary>
public sealed record SampleInfo(string Name, string SubjectId, double SampleRateHz, bool HasLabel, long[] ClassSamples, long[] ClassWaves, long IgnoredSamples)
{
    public static SampleInfo Of(PreparedSample sample)
    {
        var classSamples = new long[WaveLabels.ClassCount];
        var classWaves = new long[WaveLabels.ClassCount];
        long ignored = 0;
        if (sample.Label is { } label)
        {
            byte previous = WaveLabels.Background;
            foreach (byte v in label)
            {
                if (v == WaveLabels.Ignore) ignored++;
                else if (v < WaveLabels.ClassCount)
                {
                    classSamples[v]++;
                    if (v != WaveLabels.Background && v != previous) classWaves[v]++;
                }
                previous = v;
            }
        }
        return new SampleInfo(sample.Name, sample.SubjectId, sample.SampleRateHz, sample.Label is not null, classSamples, classWaves, ignored);
    }
}
