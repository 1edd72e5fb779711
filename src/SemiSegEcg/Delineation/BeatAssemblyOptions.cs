namespace SemiSegEcg.Delineation;

/// <summary>Search windows of <see cref="BeatAssembler"/>.</summary>
public sealed record BeatAssemblyOptions
{
    /// <summary>A P wave belongs to a QRS when it ends before the QRS onset and at most this long before it.</summary>
    public double MaxPOffsetToQrsOnsetMs { get; init; } = 300;

    /// <summary>A T wave belongs to a QRS when it starts after the QRS offset and at most this long after it.</summary>
    public double MaxQrsOffsetToTOnsetMs { get; init; } = 600;

    public void Validate()
    {
        if (!double.IsFinite(MaxPOffsetToQrsOnsetMs) || MaxPOffsetToQrsOnsetMs < 0)
            throw new ArgumentException($"{nameof(BeatAssemblyOptions)}.{nameof(MaxPOffsetToQrsOnsetMs)} is {MaxPOffsetToQrsOnsetMs}, expected a non-negative number of ms");
        if (!double.IsFinite(MaxQrsOffsetToTOnsetMs) || MaxQrsOffsetToTOnsetMs < 0)
            throw new ArgumentException($"{nameof(BeatAssemblyOptions)}.{nameof(MaxQrsOffsetToTOnsetMs)} is {MaxQrsOffsetToTOnsetMs}, expected a non-negative number of ms");
    }
}
