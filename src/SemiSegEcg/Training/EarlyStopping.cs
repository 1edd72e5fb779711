using System.Globalization;

namespace SemiSegEcg.Training;

/// <summary>
/// The stopping rule of <c>train.early_stop_patience</c>: stop once <see cref="Patience"/> epochs have passed since the
/// best validation MeanIoU. Only that metric counts because it picks the tested checkpoint; the learning-rate schedule
/// stays the full budget's, so a stopped run is the first epochs of the run without early stopping, exactly.
/// </summary>
/// <param name="Patience">Epochs without a better MeanIoU that end training; null = never stop early.</param>
public readonly record struct EarlyStopping(int? Patience)
{
    /// <summary>Whether training ends after <paramref name="epoch"/> (0-based) given the best MeanIoU's epoch (-1: none yet).</summary>
    public bool IsDue(int epoch, int bestEpoch) => Patience is int patience && bestEpoch >= 0 && epoch - bestEpoch >= patience;

    /// <summary>E.g. <c>stopped early after epoch 9: no better valid MeanIoU since epoch 4 (patience 5)</c> (epochs 1-based).</summary>
    public string Describe(int epoch, int bestEpoch) => string.Create(CultureInfo.InvariantCulture,
        $"stopped early after epoch {epoch + 1}: no better valid MeanIoU since epoch {bestEpoch + 1} (train.early_stop_patience {Patience})");
}
