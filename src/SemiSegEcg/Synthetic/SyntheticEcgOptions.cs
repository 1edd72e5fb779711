namespace SemiSegEcg.Synthetic;

/// <summary>
/// Settings of <see cref="SyntheticEcgGenerator"/>. Per-record values (heart rate, SNR, …) are drawn uniformly from
/// the given ranges; set both ends equal to fix one.
/// </summary>
public sealed record SyntheticEcgOptions
{
    /// <summary>Lowest heart rate the rhythm may have; ranges are limited to 30–140 bpm so that P, QRS and T of
    /// every beat fit in one RR interval with background gaps (above ~140 bpm T and the next P would merge).</summary>
    public const double LowestSupportedHeartRateBpm = 30;
    public const double HighestSupportedHeartRateBpm = 140;
    public const int MaxLeadCount = 12;

    public double SamplingRateHz { get; init; } = 500;

    public double DurationSeconds { get; init; } = 10;

    /// <summary>1–12; the first leads of I, II, III, aVR, aVL, aVF, V1–V6.</summary>
    public int LeadCount { get; init; } = 12;

    /// <summary>Range of a record's mean heart rate. Every sinus and AF-like RR interval also stays inside it; only a
    /// premature beat's coupling interval and the compensatory pause after it fall outside.</summary>
    public double MinHeartRateBpm { get; init; } = 45;

    public double MaxHeartRateBpm { get; init; } = 130;

    /// <summary>
    /// Range of the record's broadband (white + muscle) noise SNR: 10·log10 of the clean power over the noise power,
    /// both averaged over all leads and samples; every lead gets the same noise power. Baseline wander and powerline
    /// interference are not counted. <see cref="double.PositiveInfinity"/> for both ends means no broadband noise.
    /// </summary>
    public double MinSnrDb { get; init; } = 18;

    public double MaxSnrDb { get; init; } = 35;

    /// <summary>Probability that a record is AF-like: no P waves, irregular RR, fibrillatory baseline.</summary>
    public double AtrialFibrillationProbability { get; init; } = 0.05;

    /// <summary>Probability, per sinus beat of a non-AF record, that a premature ventricular beat follows it.</summary>
    public double PrematureBeatProbability { get; init; } = 0.03;

    /// <summary>Add 0.05–0.5 Hz sinusoids and a slow random walk to every lead.</summary>
    public bool BaselineWander { get; init; } = true;

    /// <summary>Add a small 50 or 60 Hz sinusoid to every lead.</summary>
    public bool PowerlineInterference { get; init; } = true;

    public EdgeBeatPolicy EdgePolicy { get; init; } = EdgeBeatPolicy.LabelVisiblePart;

    public int LengthSamples => (int)Math.Round(DurationSeconds * SamplingRateHz);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Require(SamplingRateHz is >= 100 and <= 10_000, nameof(SamplingRateHz), SamplingRateHz, "between 100 and 10000");
        Require(DurationSeconds is > 0 and <= 3600, nameof(DurationSeconds), DurationSeconds, "in (0, 3600]");
        Require(LengthSamples >= 1, nameof(DurationSeconds), DurationSeconds, "at least one sample long");
        Require(LeadCount is >= 1 and <= MaxLeadCount, nameof(LeadCount), LeadCount, $"between 1 and {MaxLeadCount}");
        Require(MinHeartRateBpm is >= LowestSupportedHeartRateBpm and <= HighestSupportedHeartRateBpm, nameof(MinHeartRateBpm),
            MinHeartRateBpm, $"between {LowestSupportedHeartRateBpm} and {HighestSupportedHeartRateBpm}");
        Require(MaxHeartRateBpm is >= LowestSupportedHeartRateBpm and <= HighestSupportedHeartRateBpm, nameof(MaxHeartRateBpm),
            MaxHeartRateBpm, $"between {LowestSupportedHeartRateBpm} and {HighestSupportedHeartRateBpm}");
        Require(MaxHeartRateBpm >= MinHeartRateBpm, nameof(MaxHeartRateBpm), MaxHeartRateBpm, $"at least {nameof(MinHeartRateBpm)} ({MinHeartRateBpm})");
        Require(!double.IsNaN(MinSnrDb) && MinSnrDb > -20, nameof(MinSnrDb), MinSnrDb, "a number above -20");
        Require(!double.IsNaN(MaxSnrDb) && MaxSnrDb >= MinSnrDb, nameof(MaxSnrDb), MaxSnrDb, $"at least {nameof(MinSnrDb)} ({MinSnrDb})");
        Require(!double.IsPositiveInfinity(MaxSnrDb) || double.IsPositiveInfinity(MinSnrDb), nameof(MaxSnrDb), MaxSnrDb,
            $"finite unless {nameof(MinSnrDb)} is infinite too");
        Require(AtrialFibrillationProbability is >= 0 and <= 1, nameof(AtrialFibrillationProbability), AtrialFibrillationProbability, "in [0, 1]");
        Require(PrematureBeatProbability is >= 0 and <= 1, nameof(PrematureBeatProbability), PrematureBeatProbability, "in [0, 1]");
        Require(Enum.IsDefined(EdgePolicy), nameof(EdgePolicy), EdgePolicy, "a defined EdgeBeatPolicy");
    }

    private static void Require(bool condition, string field, object value, string expected)
    {
        if (!condition)
            throw new ArgumentException($"{nameof(SyntheticEcgOptions)}.{field} is {value}, expected {expected}", field);
    }
}
