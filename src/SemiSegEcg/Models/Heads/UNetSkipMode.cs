namespace SemiSegEcg.Models.Heads;

/// <summary>How a <see cref="UNetHead"/> decoder stage merges the upsampled map with its skip (<c>skip_mode</c>).</summary>
public enum UNetSkipMode
{
    /// <summary>Concatenate along channels; the stage's first convolution reads both widths.</summary>
    Concat,

    /// <summary>Element-wise sum; the decoder map is first projected (1×1) to the skip's width when they differ.</summary>
    Add,
}
