namespace SemiSegEcg.Data.Wfdb;

/// <summary>One WFDB annotation.</summary>
/// <param name="Sample">Time in samples from the start of the record.</param>
/// <param name="Symbol">Display symbol (<see cref="AnnotationCodes.Symbol"/> of <paramref name="Code"/>).</param>
/// <param name="Code">Annotation type code (1–49).</param>
/// <param name="SubType">Subtype (signed 8-bit); 0 unless given.</param>
/// <param name="Channel">Signal number (unsigned 8-bit); carries over from the previous annotation unless changed.</param>
/// <param name="Number">Annotator number field (signed 8-bit); carries over from the previous annotation unless changed.</param>
/// <param name="Aux">Auxiliary text (e.g. rhythm <c>(N</c>), at most 255 Latin-1 bytes; null when absent.</param>
public sealed record WfdbAnnotation(long Sample, string Symbol, int Code, int SubType = 0, int Channel = 0, int Number = 0, string? Aux = null)
{
    /// <summary>An annotation whose code is looked up from its symbol.</summary>
    public static WfdbAnnotation Create(long sample, string symbol, int subType = 0, int channel = 0, int number = 0, string? aux = null) =>
        new(sample, symbol, AnnotationCodes.Code(symbol), subType, channel, number, aux);
}
