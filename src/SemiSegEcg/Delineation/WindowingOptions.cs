using SemiSegEcg.Signal;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Settings of <see cref="WindowedSegmenter"/>: the model's <see cref="Preprocessing"/> (its window length, rate and
/// filters; the defaults are the benchmark's 10-s windows at 250 Hz) and how windows overlap and are batched.
/// </summary>
public sealed record WindowingOptions
{
    /// <summary>What the model was trained with (<see cref="Experiments.TrainedModel.Preprocessing"/>): every window is made this way.</summary>
    public Preprocessing Preprocessing { get; init; } = Preprocessing.Shipped;

    /// <summary>Model input length; a record of exactly this many model-rate samples takes the benchmark path.</summary>
    public int WindowLengthSamples => Preprocessing.LengthSamples;

    /// <summary>Model sampling rate.</summary>
    public double SamplingRateHz => Preprocessing.SamplingRateHz;

    /// <summary>Distance between window starts in long records; null = four fifths of the window (2000 of 2500 leaves 2 s of overlap at 250 Hz).</summary>
    public int? HopSamples { get; init; }

    /// <summary>The hop in use: <see cref="HopSamples"/>, or four fifths of the window.</summary>
    public int Hop => HopSamples ?? Math.Max(1, WindowLengthSamples * 4 / 5);

    /// <summary>Length of the linear ramps at both window edges in the stitching weights; null = window − hop
    /// (the overlap, so neighbours cross-fade over it).</summary>
    public int? TaperRampSamples { get; init; }

    /// <summary>Most windows handed to the predictor in one call.</summary>
    public int MaxBatchSize { get; init; } = 64;

    /// <summary>Records up to this long are resampled with one FFT; longer ones in chunks with overlap.</summary>
    public double WholeRecordResampleMaxSeconds { get; init; } = 300;

    public int RampSamples => TaperRampSamples ?? Math.Max(1, WindowLengthSamples - Hop);

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Preprocessing);
        if (Preprocessing.Problem() is string problem) throw new ArgumentException($"{nameof(WindowingOptions)}.{nameof(Preprocessing)}: preprocessing {problem}", nameof(Preprocessing));
        Require(WindowLengthSamples >= 64, nameof(WindowLengthSamples), WindowLengthSamples, "at least 64");
        Require(Hop >= 1 && Hop <= WindowLengthSamples, nameof(HopSamples), Hop, $"in 1..{WindowLengthSamples}");
        Require(TaperRampSamples is null || (TaperRampSamples >= 1 && TaperRampSamples <= WindowLengthSamples / 2),
            nameof(TaperRampSamples), TaperRampSamples ?? 0, $"in 1..{WindowLengthSamples / 2}");
        Require(MaxBatchSize >= 1, nameof(MaxBatchSize), MaxBatchSize, "at least 1");
        Require(WholeRecordResampleMaxSeconds > 0, nameof(WholeRecordResampleMaxSeconds), WholeRecordResampleMaxSeconds, "positive");
    }

    private static void Require(bool condition, string field, object value, string expected)
    {
        if (!condition) throw new ArgumentException($"{nameof(WindowingOptions)}.{field} is {value}, expected {expected}", field);
    }
}
