namespace SemiSegEcg.Config;

/// <summary>The <c>dataloader</c> block. <see cref="NumWorkers"/> and <see cref="PinMemory"/> are PyTorch loader options, kept for compatibility.</summary>
public sealed record DataloaderConfig
{
    /// <summary>Per loader: SSL steps take this many labeled plus this many unlabeled samples.</summary>
    public int BatchSize { get; init; } = 16;

    public int NumWorkers { get; init; } = 2;

    public bool PinMemory { get; init; }

    /// <summary>
    /// Whether the training loaders drop their last partial batch: null or true = the original's choice (drop it); false
    /// keeps it as a shorter last step. Evaluation always uses every sample.
    /// </summary>
    public bool? DropLast { get; init; }
}
