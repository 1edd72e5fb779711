namespace SemiSegEcg.Synthetic;

/// <summary>A labelled wave in continuous time: where its envelope first and last exceeds the threshold, and its peak.</summary>
internal readonly record struct WaveSpan(double OnsetS, double PeakS, double OffsetS)
{
    /// <summary>
    /// Samples whose time lies inside [onset, offset]. The tiny tolerance keeps a boundary that falls exactly on a
    /// sample (in exact arithmetic) on that sample despite rounding.
    /// </summary>
    public SyntheticWave ToSamples(double samplingRateHz)
    {
        const double tolerance = 1e-9;
        return new SyntheticWave(
            (int)Math.Ceiling(OnsetS * samplingRateHz - tolerance),
            (int)Math.Round(PeakS * samplingRateHz),
            (int)Math.Floor(OffsetS * samplingRateHz + tolerance));
    }
}
