namespace SemiSegEcg.Models.Heads;

/// <summary>How a <see cref="UNetHead"/> reads the selected backbone levels (<c>level_fusion</c>).</summary>
public enum UNetLevelFusion
{
    /// <summary>
    /// The levels form a resolution pyramid (shallow to deep, e.g. the ResNet stages): decode from the deepest level,
    /// upsampling to each shallower level (then the stem) and fusing it as a skip.
    /// </summary>
    Pyramid,

    /// <summary>The levels share one resolution (e.g. ViT blocks): concatenate them along channels, then convolve.</summary>
    Concat,

    /// <summary>The levels share one resolution and width: sum them, then convolve.</summary>
    Sum,
}
