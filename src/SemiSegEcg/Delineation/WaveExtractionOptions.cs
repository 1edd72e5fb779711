namespace SemiSegEcg.Delineation;

/// <summary>
/// Clean-up rules of <see cref="WaveExtractor"/>. A run's duration is offset − onset (as a reported wave duration);
/// a gap's duration is its sample count over the sampling rate.
/// </summary>
public sealed record WaveExtractionOptions
{
    public double MinPDurationMs { get; init; } = 20;

    public double MinQrsDurationMs { get; init; } = 20;

    public double MinTDurationMs { get; init; } = 40;

    /// <summary>Runs of one class separated by less than this (of any other label) are merged.</summary>
    public double MaxMergeGapMs { get; init; } = 10;

    public double MinDurationMs(WaveKind kind) => kind switch
    {
        WaveKind.P => MinPDurationMs,
        WaveKind.Qrs => MinQrsDurationMs,
        WaveKind.T => MinTDurationMs,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown wave kind"),
    };

    public void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(MinPDurationMs), MinPDurationMs), (nameof(MinQrsDurationMs), MinQrsDurationMs),
                     (nameof(MinTDurationMs), MinTDurationMs), (nameof(MaxMergeGapMs), MaxMergeGapMs) })
        {
            if (!double.IsFinite(value) || value < 0)
                throw new ArgumentException($"{nameof(WaveExtractionOptions)}.{name} is {value}, expected a non-negative number of ms", name);
        }
    }
}
