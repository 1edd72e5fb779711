namespace SemiSegEcg.Synthetic;

/// <summary>
/// The physiological bounds every generated beat obeys, in seconds. The minimum PR segment, ST segment and TP gap
/// keep a background run between P and QRS, QRS and T, and T and the next beat in every mask.
/// </summary>
internal static class BeatTiming
{
    public const double MinPrS = 0.120, MaxPrS = 0.200;
    public const double MinPDurationS = 0.080, MaxPDurationS = 0.120;
    public const double MinQrsS = 0.070, MaxQrsS = 0.110;
    public const double MinQtcS = 0.380, MaxQtcS = 0.460;
    public const double MinPrematureQrsS = 0.120, MaxPrematureQrsS = 0.170;

    /// <summary>P offset to QRS onset.</summary>
    public const double MinPrSegmentS = 0.040;

    /// <summary>QRS offset to T onset.</summary>
    public const double MinStSegmentS = 0.030;

    /// <summary>T offset to the next beat's first onset.</summary>
    public const double MinTpGapS = 0.040;

    public const double MinTDurationS = 0.090, MinPrematureTDurationS = 0.140;

    /// <summary>A premature beat must come at most this fraction of the sinus RR after its predecessor.</summary>
    public const double MaxPrematureCouplingFraction = 0.85;
}
