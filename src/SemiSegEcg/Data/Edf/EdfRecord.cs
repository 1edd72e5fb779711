namespace SemiSegEcg.Data.Edf;

/// <summary>A read EDF/EDF+ file: its header and each signal's physical values (annotation channels left empty).</summary>
public sealed record EdfRecord(string Path, EdfHeader Header, IReadOnlyList<double[]> Physical);
