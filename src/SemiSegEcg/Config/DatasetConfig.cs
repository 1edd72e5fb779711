namespace SemiSegEcg.Config;

/// <summary>
/// The <c>dataset</c> block (docs/reference/original-behaviour.md#dataset-block). Directories may be relative (see <see cref="DatasetPaths"/>); index file names
/// are relative to <see cref="IndexDir"/>. Transform blocks stay raw: the transform builder binds them.
/// </summary>
public sealed record DatasetConfig
{
    public required string EcgDir { get; init; }

    public required string LabelDir { get; init; }

    public required string IndexDir { get; init; }

    public required string TrainLabeledCsv { get; init; }

    /// <summary>Needed by every algorithm except the supervised baseline.</summary>
    public string? TrainUnlabeledCsv { get; init; }

    public required string ValidCsv { get; init; }

    /// <summary>Needed when the config has a <c>test</c> block.</summary>
    public string? TestCsv { get; init; }

    public string FilenameCol { get; init; } = "waveform";

    public string LabelFilenameCol { get; init; } = "label";

    /// <summary>Optional column with each record's native sampling rate (unused by the shipped configs).</summary>
    public string? FsCol { get; init; }

    /// <summary>Optional fixed native sampling rate in Hz (unused by the shipped configs).</summary>
    public double? Fs { get; init; }

    /// <summary>Samples per item after resampling (2500 = 10 s at 250 Hz).</summary>
    public int SignalLength { get; init; } = 2500;

    public ConfigNode? Filter { get; init; }

    /// <summary>Weak augmentation (train splits).</summary>
    public ConfigNode? Augmentations { get; init; }

    /// <summary>Strong augmentation (train splits; MT, FixMatch, ReCo, ST++, UniMatch).</summary>
    public ConfigNode? StrongAugmentations { get; init; }

    /// <summary>Final transforms (standardize, to_tensor).</summary>
    public ConfigNode? Transforms { get; init; }

    public ConfigNode? TrainCrop { get; init; }

    public ConfigNode? EvalCrop { get; init; }
}
