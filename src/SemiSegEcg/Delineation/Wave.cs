namespace SemiSegEcg.Delineation;

/// <summary>
/// One delineated wave in native samples: <paramref name="Onset"/> and <paramref name="Offset"/> are the first and
/// last samples of its label run (the <see cref="Evaluation.WaveBoundaries"/> convention), <paramref name="Peak"/> the
/// signal extremum inside it (see <see cref="WaveExtractor"/>).
/// </summary>
public sealed record Wave(WaveKind Kind, int Onset, int Peak, int Offset)
{
    public double OnsetSeconds(double samplingRateHz) => Onset / samplingRateHz;

    public double PeakSeconds(double samplingRateHz) => Peak / samplingRateHz;

    public double OffsetSeconds(double samplingRateHz) => Offset / samplingRateHz;

    /// <summary>Offset − onset in ms, the QRS-duration rule of <see cref="Evaluation.IntervalExtractor"/>.</summary>
    public double DurationMs(double samplingRateHz) => (Offset - Onset) * 1000 / samplingRateHz;
}
