namespace SemiSegEcg.Synthetic;

/// <summary>
/// One generated beat and the exact intervals a delineator should recover from its mask, all from sample indices:
/// PR = QRS onset − P onset, QRS duration = QRS offset − QRS onset, QT = T offset − QRS onset, and RR = this
/// beat's QRS peak − the previous beat's QRS peak (the previous beat may lie before the record start).
/// The QRS peak is the R peak of a normal beat and the main deflection of a premature one.
/// </summary>
/// <param name="IsComplete">False when any wave of the beat lies partly or wholly outside the record.</param>
public sealed record SyntheticBeat(
    SyntheticBeatType Type,
    SyntheticWave? P,
    SyntheticWave Qrs,
    SyntheticWave T,
    double RrMs,
    double? PrMs,
    double QrsDurationMs,
    double QtMs,
    bool IsComplete);
