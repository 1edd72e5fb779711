namespace SemiSegEcg.Synthetic;

/// <summary>How a beat cut by the start or end of the record is labelled.</summary>
public enum EdgeBeatPolicy
{
    /// <summary>Label the part of the beat inside the record, as in real annotated data.</summary>
    LabelVisiblePart,

    /// <summary>
    /// Mark the visible part of a cut beat (from its first visible wave sample to its last) as
    /// <see cref="Data.WaveLabels.Ignore"/>, so a loss or metric never sees a wave whose true extent is unknown.
    /// </summary>
    Ignore,
}
