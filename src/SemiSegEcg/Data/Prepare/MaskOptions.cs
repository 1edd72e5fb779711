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

/// <summary>What the signal becomes outside the annotated span (before the first onset, after the last offset).</summary>
public enum UnannotatedSignal
{
    /// <summary>
    /// Held at its value at the span's first and last sample (numpy <c>pad(mode='edge')</c> of the annotated span), as the
    /// original's released LUDB files are: a third party's statistics of its <c>101_lead_I.pkl</c> (mean −0.0018,
    /// std 0.1122, min −0.1698, max 0.8302) are reproduced exactly this way and by no other candidate tried.
    /// </summary>
    Edge,

    /// <summary>The recorded signal is kept (the unannotated beats stay visible, labelled background or 255).</summary>
    Keep,
}

/// <summary>Options that turn wave annotations into a per-sample mask, and the signal outside the annotated span.</summary>
public sealed record MaskOptions(
    OffsetRule Offset = OffsetRule.Exclusive,
    UnannotatedPolicy Unannotated = UnannotatedPolicy.Background,
    MissingOnsetRule MissingOnset = MissingOnsetRule.AfterPrevious,
    UnannotatedSignal OutsideSignal = UnannotatedSignal.Edge);
