namespace SemiSegEcg.Synthetic;

/// <summary>
/// One labelled wave in sample indices: <paramref name="OnsetSample"/> and <paramref name="OffsetSample"/> are the
/// first and last samples of its mask run (the convention of <see cref="Evaluation.WaveBoundaries"/>), so
/// a duration is <c>OffsetSample − OnsetSample</c> samples. For a beat cut by the record edge the values are the
/// wave's true positions and may lie before 0 or at/after the record length; only the part inside is in the mask.
/// </summary>
public sealed record SyntheticWave(int OnsetSample, int PeakSample, int OffsetSample);
