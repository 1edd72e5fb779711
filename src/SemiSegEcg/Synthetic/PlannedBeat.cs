namespace SemiSegEcg.Synthetic;

/// <summary>
/// A beat's timing in seconds while the rhythm is being planned. The planner may still shorten its PR or QT, or
/// delay it, to keep a background gap to its neighbours; after planning it is only read.
/// </summary>
internal sealed class PlannedBeat
{
    public required SyntheticBeatType Type { get; init; }

    /// <summary>Time of the QRS peak (R peak, or the main deflection of a premature beat).</summary>
    public required double PeakS { get; set; }

    public required double QrsDurationS { get; init; }

    /// <summary>QRS peak minus QRS onset.</summary>
    public required double PeakOffsetS { get; init; }

    /// <summary>QRS onset minus P onset; 0 for beats without P.</summary>
    public required double PrS { get; set; }

    public required double PDurationS { get; set; }

    /// <summary>QRS onset to T offset.</summary>
    public required double QtS { get; set; }

    /// <summary>Shortest QT the planner may shrink this beat to (the QTc floor of a sinus beat).</summary>
    public required double QtFloorS { get; init; }

    /// <summary>The T duration this beat would have if its QT were not limited.</summary>
    public required double PreferredTDurationS { get; init; }

    public required double MinTDurationS { get; init; }

    /// <summary>Per-beat amplitude factor of the QRS (respiratory modulation) and of P and T.</summary>
    public required double QrsScale { get; init; }
    public required double WaveScale { get; init; }

    public double QrsOnsetS => PeakS - PeakOffsetS;

    public double QrsOffsetS => QrsOnsetS + QrsDurationS;

    public double TOffsetS => QrsOnsetS + QtS;

    /// <summary>Start of the beat's first labelled wave.</summary>
    public double FirstOnsetS => QrsOnsetS - PrS;

    public bool HasP => PrS > 0;

    /// <summary>T takes its preferred duration when the QT allows and gives way first when the QT is shortened; the ST segment takes the rest.</summary>
    public double TDurationS => Math.Max(MinTDurationS, Math.Min(PreferredTDurationS, QtS - QrsDurationS - BeatTiming.MinStSegmentS));

    public double TOnsetS => TOffsetS - TDurationS;
}
