namespace SemiSegEcg.Delineation;

/// <summary>Settings of <see cref="WindowedSegmenter"/>; the defaults are the benchmark's 10-s windows at 250 Hz.</summary>
public sealed record WindowingOptions
{
    /// <summary>Model input length; a record of exactly this many model-rate samples takes the benchmark path.</summary>
    public int WindowLengthSamples { get; init; } = 2500;

    /// <summary>Model sampling rate.</summary>
    public double SamplingRateHz { get; init; } = 250;

    /// <summary>Distance between window starts in long records; 2000 leaves 2 s of overlap.</summary>
    public int HopSamples { get; init; } = 2000;

    /// <summary>Length of the linear ramps at both window edges in the stitching weights; null = window − hop
    /// (the overlap, so neighbours cross-fade over it).</summary>
    public int? TaperRampSamples { get; init; }

    /// <summary>Most windows handed to the predictor in one call.</summary>
    public int MaxBatchSize { get; init; } = 64;

    /// <summary>Records up to this long are resampled with one FFT; longer ones in chunks with overlap.</summary>
    public double WholeRecordResampleMaxSeconds { get; init; } = 300;

    public int RampSamples => TaperRampSamples ?? Math.Max(1, WindowLengthSamples - HopSamples);

    public void Validate()
    {
        Require(WindowLengthSamples >= 64, nameof(WindowLengthSamples), WindowLengthSamples, "at least 64");
        Require(double.IsFinite(SamplingRateHz) && SamplingRateHz > 80, nameof(SamplingRateHz), SamplingRateHz, "above 80 Hz (the 40-Hz low-pass needs it)");
        Require(HopSamples >= 1 && HopSamples <= WindowLengthSamples, nameof(HopSamples), HopSamples, $"in 1..{WindowLengthSamples}");
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
