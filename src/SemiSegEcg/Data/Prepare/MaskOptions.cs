namespace SemiSegEcg.Data.Prepare;

/// <summary>Whether the annotated offset sample itself belongs to the wave.</summary>
public enum OffsetRule
{
    /// <summary><c>label[onset:offset]</c>: the offset sample is background. Matches the original's released LUDB files.</summary>
    Exclusive,

    /// <summary><c>label[onset:offset+1]</c>: the offset sample is part of the wave (the reference fixtures' rule).</summary>
    Inclusive,
}

/// <summary>What the samples outside the annotated stretch (before the first and after the last mark) become.</summary>
public enum UnannotatedPolicy
{
    /// <summary>Background (0), as the original benchmark does.</summary>
    Background,

    /// <summary>255: excluded from the loss and every metric.</summary>
    Ignore,
}

/// <summary>How a wave whose onset was not annotated (QTDB T waves) is painted.</summary>
public enum MissingOnsetRule
{
    /// <summary>The wave starts right after the previous wave's offset (for T: at the J point).</summary>
    AfterPrevious,

    /// <summary>The samples between the previous offset and the peak become 255 (ignored); peak..offset get the class.</summary>
    Ignore,
}

/// <summary>Options that turn wave annotations into a per-sample mask.</summary>
public sealed record MaskOptions(
    OffsetRule Offset = OffsetRule.Exclusive,
    UnannotatedPolicy Unannotated = UnannotatedPolicy.Background,
    MissingOnsetRule MissingOnset = MissingOnsetRule.AfterPrevious);
