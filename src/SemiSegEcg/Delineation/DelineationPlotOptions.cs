namespace SemiSegEcg.Delineation;

/// <summary>Layout of <see cref="DelineationPlot"/>.</summary>
public sealed record DelineationPlotOptions
{
    public int WidthPx { get; init; } = 1600;

    /// <summary>Height of each row (one per lead, plus the consensus row).</summary>
    public int RowHeightPx { get; init; } = 200;

    /// <summary>Height for the title, legend and time axis.</summary>
    public int ChromeHeightPx { get; init; } = 110;

    public double StartSeconds { get; init; }

    /// <summary>Longest stretch drawn; a longer recording is shown from <see cref="StartSeconds"/> for this long
    /// (wider spans squeeze beats below legibility).</summary>
    public double MaxDurationSeconds { get; init; } = 20;

    /// <summary>Draw the consensus track as a first row with per-beat interval labels.</summary>
    public bool ShowConsensusRow { get; init; } = true;

    public void Validate()
    {
        if (WidthPx is < 200 or > 20000) throw new ArgumentException($"{nameof(DelineationPlotOptions)}.{nameof(WidthPx)} is {WidthPx}, expected 200..20000");
        if (RowHeightPx is < 40 or > 2000) throw new ArgumentException($"{nameof(DelineationPlotOptions)}.{nameof(RowHeightPx)} is {RowHeightPx}, expected 40..2000");
        if (ChromeHeightPx is < 0 or > 2000) throw new ArgumentException($"{nameof(DelineationPlotOptions)}.{nameof(ChromeHeightPx)} is {ChromeHeightPx}, expected 0..2000");
        if (!double.IsFinite(StartSeconds) || StartSeconds < 0) throw new ArgumentException($"{nameof(DelineationPlotOptions)}.{nameof(StartSeconds)} is {StartSeconds}, expected ≥ 0");
        if (!(MaxDurationSeconds > 0)) throw new ArgumentException($"{nameof(DelineationPlotOptions)}.{nameof(MaxDurationSeconds)} is {MaxDurationSeconds}, expected > 0");
    }
}
